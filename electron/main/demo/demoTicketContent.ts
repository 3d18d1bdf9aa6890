import type { Customer } from '../../../shared/domain/tickets/customer'
import type { DemoRandom } from './random'

// What the demo's customers say and ship: Pearl River Delta names, companies, addresses, goods and
// waybill numbers, so a demo ticket reads like one a 佳途物流 seat would really hold.

export interface DemoPerson {
  name: string
  /** As typed on the call: a mobile, or a fixed line with its area code. */
  phone: string
  role: Customer['role']
  company: string
  city: string
  address: string
}

const surnames = ['陈', '李', '王', '刘', '黄', '周', '吴', '郑', '林', '何', '杨', '赵', '徐', '谢', '邓', '冯', '曾', '彭', '罗', '梁']
const givenNames = ['建华', '志明', '晓东', '美玲', '国强', '丽娟', '海涛', '秀英', '伟杰', '嘉欣', '文斌', '淑芬', '俊杰', '雪梅', '锦荣', '佩珊', '永康', '慧敏']
const mobilePrefixes = ['135', '136', '137', '138', '139', '150', '152', '158', '159', '186', '187', '188', '189', '133', '177']

/** Cities of the network and streets a pickup or delivery really goes to, by district. */
const places: readonly { city: string; areaCode: string; localDigits: number; streets: readonly string[] }[] = [
  { city: '深圳', areaCode: '0755', localDigits: 8, streets: ['宝安区西乡街道固戍二路', '龙华区民治街道民康路', '龙岗区坂田街道五和大道', '南山区粤海街道科技园南区高新南七道', '福田区华强北街道振华路', '光明区公明街道松白路'] },
  { city: '广州', areaCode: '020', localDigits: 8, streets: ['白云区太和镇大源北路', '番禺区大石街道105国道', '天河区棠下街道中山大道', '海珠区南洲街道南洲路', '花都区狮岭镇阳光南路'] },
  { city: '东莞', areaCode: '0769', localDigits: 8, streets: ['长安镇长青南路', '虎门镇连升路', '松山湖园区工业西路', '厚街镇康乐南路'] },
  { city: '佛山', areaCode: '0757', localDigits: 8, streets: ['顺德区乐从镇325国道', '南海区大沥镇广佛路', '禅城区张槎街道季华西路'] },
  { city: '惠州', areaCode: '0752', localDigits: 7, streets: ['惠阳区淡水街道开城大道', '惠城区江北街道文昌一路'] },
]

const companyWords = ['华强', '新佳', '鸿运', '顺达', '美的', '汇丰', '百盛', '金利', '宏图', '嘉和', '恒通', '永盛']
const companyTrades = ['电子有限公司', '服饰有限公司', '五金制品厂', '家具有限公司', '贸易商行', '茶业有限公司', '汽配有限公司', '化妆品有限公司']

/** Goods a regional less-than-truckload carrier moves, with a typical packaging and unit value in fen. */
export const demoGoods: readonly { name: string; packaging: string; unitValueFen: number }[] = [
  { name: '手机配件', packaging: '纸箱', unitValueFen: 80_000 },
  { name: '服装', packaging: '编织袋', unitValueFen: 40_000 },
  { name: '茶叶', packaging: '纸箱', unitValueFen: 150_000 },
  { name: '电子元器件', packaging: '木箱', unitValueFen: 300_000 },
  { name: '陶瓷餐具', packaging: '木架', unitValueFen: 60_000 },
  { name: '家具配件', packaging: '缠绕膜', unitValueFen: 50_000 },
  { name: '化妆品', packaging: '纸箱', unitValueFen: 120_000 },
  { name: '汽车配件', packaging: '木箱', unitValueFen: 90_000 },
  { name: '五金工具', packaging: '纸箱', unitValueFen: 30_000 },
  { name: 'LED灯具', packaging: '纸箱', unitValueFen: 45_000 },
]

/** Waybills of our own network (JT) and of the partners a shipment is handed to (SF, ZT, YT). */
const waybillFormats: readonly { prefix: string; digits: number; weight: number }[] = [
  { prefix: 'JT', digits: 13, weight: 0.55 },
  { prefix: 'SF', digits: 12, weight: 0.2 },
  { prefix: 'ZT', digits: 12, weight: 0.15 },
  { prefix: 'YT', digits: 13, weight: 0.1 },
]

export class DemoContent {
  constructor(private readonly random: DemoRandom) {}

  digits(count: number): string {
    let text = String(this.random.int(1, 9))
    for (let index = 1; index < count; index++) text += String(this.random.int(0, 9))
    return text
  }

  waybillNo(): string {
    let roll = this.random.next()
    for (const format of waybillFormats) {
      roll -= format.weight
      if (roll < 0) return `${format.prefix}${this.digits(format.digits)}`
    }
    return `JT${this.digits(13)}`
  }

  personName(): string {
    return `${this.random.pick(surnames)}${this.random.pick(givenNames)}`
  }

  mobile(): string {
    return `${this.random.pick(mobilePrefixes)}${this.digits(8)}`
  }

  person(role: Customer['role'] = this.random.chance(0.6) ? 'shipper' : 'consignee'): DemoPerson {
    const place = this.random.pick(places)
    const business = role === 'shipper' && this.random.chance(0.7)
    // Businesses call from their fixed line now and then; people from their mobiles.
    const phone = business && this.random.chance(0.3) ? `${place.areaCode}-${this.random.int(2, 8)}${this.digits(place.localDigits - 1)}` : this.mobile()
    return {
      name: this.personName(),
      phone,
      role,
      company: business ? `${place.city}市${this.random.pick(companyWords)}${this.random.pick(companyTrades)}` : '',
      city: place.city,
      address: this.address(place),
    }
  }

  /** A street address with its city, as a pickup or delivery note has it. */
  address(place = this.random.pick(places)): string {
    const building = this.random.chance(0.5) ? `${this.random.int(1, 12)}栋${this.random.int(1, 9)}0${this.random.int(1, 8)}` : `${this.random.pick(['A', 'B', 'C'])}座${this.random.int(2, 18)}楼`
    return `${place.city}市${this.random.pick(place.streets)}${this.random.int(1, 388)}号${building}`
  }

  otherCity(than: string): string {
    return this.random.pick(places.filter((place) => place.city !== than)).city
  }

  goods(): (typeof demoGoods)[number] {
    return this.random.pick(demoGoods)
  }

  /** A whole-yuan amount in fen between min and max yuan. */
  yuan(min: number, max: number): number {
    return this.random.int(min, max) * 100
  }
}
