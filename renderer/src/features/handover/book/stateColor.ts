import type { HandoverState } from '../../../../../shared/domain/handover/page'

export const stateColor: Record<HandoverState, string> = {
  draft: 'gray',
  signed: 'blue',
  acknowledged: 'cyan',
  countersigned: 'teal',
}
