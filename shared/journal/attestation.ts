import { canonicalJson } from './canonical'

// A personal signature proves the user typed their PIN: their private key is only decrypted with it.
// The signed message binds the entry kind, the signer and the payload (without the attestation field),
// so a signature cannot be moved to another entry or another user.
export function attestedMessage(kind: string, employeeNo: string, payloadWithoutAttestation: unknown): string {
  return canonicalJson({ attest: 'seatdesk/v1', kind, employeeNo, payload: payloadWithoutAttestation })
}
