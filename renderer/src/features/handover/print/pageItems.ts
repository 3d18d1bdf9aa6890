import type { HandoverItemRef, HandoverPage } from '../../../../../shared/domain/handover/page'

// Refusals name an item by reference (`tickets:<id>`, handoverItemRefs); on paper the reader needs
// what that item was: its ticket or waybill number, or its own words.

export type ItemSection = 'tickets' | 'callbacks' | 'leftoverGoods' | 'cases' | 'equipmentFaults' | 'notices'

export interface ItemDescription {
  section: ItemSection | null
  text: string
}

export function describeItemRef(page: HandoverPage, ref: HandoverItemRef): ItemDescription {
  const separator = ref.indexOf(':')
  const section = ref.slice(0, separator)
  const id = ref.slice(separator + 1)
  switch (section) {
    case 'tickets': {
      const item = page.tickets.find((ticket) => ticket.ticketId === id)
      return { section, text: item?.ticketNo ?? id }
    }
    case 'callbacks': {
      const item = page.callbacks.find((callback) => callback.callbackId === id)
      return { section, text: item?.ticketNo ?? id }
    }
    case 'leftoverGoods': {
      const item = page.leftoverGoods.find((goods) => goods.itemId === id)
      return { section, text: item ? `${item.waybillNo} ${item.description}` : id }
    }
    case 'cases': {
      const item = page.cases.find((entry) => entry.ticketId === id)
      return { section, text: item?.ticketNo ?? id }
    }
    case 'equipmentFaults': {
      const item = page.equipmentFaults.find((fault) => fault.itemId === id)
      return { section, text: item?.description ?? id }
    }
    case 'notices': {
      const item = page.notices.find((notice) => notice.itemId === id)
      return { section, text: item?.text ?? id }
    }
    default:
      return { section: null, text: ref }
  }
}
