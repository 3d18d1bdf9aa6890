import { systemClock } from '../clock'
import { privateKeyFromPkcs8 } from './ed25519'
import { openJournal } from './openJournal'
import { createSeatSigner } from './seatSigner'

// The writer in the kill -9 test (journal.crash.test.ts): appends until it is killed and prints each
// seq and hash only after its append resolved, i.e. after fsync — exactly what the app acknowledges.
// stdout to a pipe is synchronous on Linux, so a printed ack reaches the parent even if a kill follows.
const [directory, seatKeyPkcs8] = process.argv.slice(2)
if (!directory || !seatKeyPkcs8) {
  process.stderr.write('usage: crashChild <journal folder> <seat key pkcs8 base64>\n')
  process.exit(64)
}
const signer = createSeatSigner(privateKeyFromPkcs8(Buffer.from(seatKeyPkcs8, 'base64')))
const opened = await openJournal({ directory, signer, clock: systemClock, segmentBytes: 8 * 1024 })
if (opened.status !== 'ok') {
  process.stdout.write(`corrupt ${opened.seq} ${opened.reason}\n`)
  process.exit(3)
}
process.stdout.write(`ready ${opened.journal.head().seq}\n`)
for (let n = 0; ; n++) {
  const entry = await opened.journal.append('session.locked', 'A001', { sessionId: `crash-${process.pid}-${n}`, reason: 'idle' })
  process.stdout.write(`ack ${entry.seq} ${entry.hash}\n`)
}
