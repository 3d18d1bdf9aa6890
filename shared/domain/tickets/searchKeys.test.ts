import { describe, expect, it } from 'vitest'
import { customerSchema } from './customer'
import { ticketDetailsSchema } from './kinds'
import { dialledPhone, ticketLookupKeys, ticketSearchKeys, ticketWaybills } from './searchKeys'

const caller = { callerPhone: '138 1234 5678', customerName: '陈先生', callerRole: 'consignee' }

describe('ticket search keys', () => {
  it('carry the stored phone, its last four digits, the name, and the exact keys: number, waybill, phone as dialled', () => {
    const details = ticketDetailsSchema.parse({ kind: 'trackingInquiry', ...caller, waybillNo: 'sf1234567890', goodsCheck: null, note: '' })
    expect(ticketSearchKeys('SZ01-20261123-0001', details)).toEqual({
      callerPhone: '+8613812345678',
      phoneLast4: '5678',
      customerName: '陈先生',
      waybillNos: ['SF1234567890'],
      lookupKeys: ['SZ01-20261123-0001', 'SF1234567890', '13812345678'],
    })
  })

  it('dial a mainland number by its national digits, others as stored; a waybill that is the same digits is one key', () => {
    expect(dialledPhone('+861088889999')).toBe('1088889999')
    expect(dialledPhone('+85291234567')).toBe('+85291234567')
    expect(dialledPhone('95311')).toBe('95311')
    const sameDigits = ticketDetailsSchema.parse({ kind: 'trackingInquiry', ...caller, waybillNo: '13812345678', goodsCheck: null, note: '' })
    expect(ticketLookupKeys('SZ01-20261123-0002', sameDigits)).toEqual(['SZ01-20261123-0002', '13812345678'])
  })

  it('name both waybills of a misroute and none of a consultation', () => {
    const consultation = ticketDetailsSchema.parse({
      kind: 'consultation',
      ...caller,
      subject: 'price',
      question: '大件家具运费怎么算',
      origin: '深圳',
      destination: '长沙',
      quotedFen: null,
      answer: null,
    })
    expect(ticketWaybills(consultation)).toEqual([])
    const contact = (name: string, phone: string) => ({ name, phone })
    const misroute = ticketDetailsSchema.parse({
      kind: 'misroutedGoods',
      ...caller,
      waybillNo: 'JT0001234567',
      otherWaybillNo: 'JT0001234568',
      rightfulConsignee: contact('陈先生', '13812345678'),
      wrongConsignee: contact('李女士', '13912345678'),
      valueDifferenceFen: 0,
      remedy: null,
      note: '',
    })
    expect(ticketWaybills(misroute)).toEqual(['JT0001234567', 'JT0001234568'])
  })
})

describe('customer archive', () => {
  it('stores the phone in E.164 and requires a name', () => {
    const customer = customerSchema.parse({ phone: '0755-2345 6789', name: '深圳华强电子', role: 'shipper', company: '华强电子', address: '深圳市福田区华强北路 1 号' })
    expect(customer.phone).toBe('+8675523456789')
    expect(customerSchema.safeParse({ ...customer, name: ' ' }).success).toBe(false)
  })
})
