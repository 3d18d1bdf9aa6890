import type { KeyObject } from 'node:crypto'
import { attestedMessage } from '../../../shared/journal/attestation'
import type { Attestation } from '../../../shared/journal/kinds'
import { publicKeyFromRaw, sign, verify } from '../journal/ed25519'

// Personal signatures on journal entries (sign-in, checklist): the user's key over
// attestedMessage(kind, employeeNo, payload without the attestation field).
export function attest(privateKey: KeyObject, kind: string, employeeNo: string, payloadWithoutAttestation: object): Attestation {
  return { employeeNo, sig: sign(privateKey, attestedMessage(kind, employeeNo, payloadWithoutAttestation)) }
}

/** True when `payload.attestation` is `publicKey`'s signature over the rest of the payload. */
export function verifyAttestation(publicKey: string, kind: string, payload: { attestation: Attestation } & Record<string, unknown>): boolean {
  const { attestation, ...rest } = payload
  try {
    return verify(publicKeyFromRaw(publicKey), attestedMessage(kind, attestation.employeeNo, rest), attestation.sig)
  } catch {
    return false
  }
}
