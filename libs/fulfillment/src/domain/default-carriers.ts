import { Carrier } from './carrier';

/**
 * FUL-1: the default approved list, used when configuration gives none. Patterns are the
 * carriers' published number shapes; UPU S10 numbers (`AB123456789CN`) are two letters, nine
 * digits and the origin country.
 */
export const DEFAULT_CARRIERS: readonly Carrier[] = Object.freeze([
  {
    code: 'CAINIAO',
    name: 'Cainiao 无忧物流 (AliExpress Standard Shipping)',
    kind: 'marketplace_logistics',
    trackingPattern: /^(?:LP|AE)\d{14}$|^[A-Z]{2}\d{9}CN$/,
  },
  {
    code: 'YANWEN',
    name: 'Yanwen 燕文物流',
    kind: 'online_carrier',
    trackingPattern: /^(?:UG|VR|LB|LZ|LX)\d{9}[A-Z]{2}$|^Y\d{9,12}$/,
  },
  {
    code: 'YUNEXPRESS',
    name: 'YunExpress 云途物流',
    kind: 'online_carrier',
    trackingPattern: /^YT\d{16}$/,
  },
  {
    code: '4PX',
    name: '4PX 递四方',
    kind: 'online_carrier',
    trackingPattern: /^4PX\d{10,13}CN$/,
  },
  { code: 'DHL', name: 'DHL Express', kind: 'online_carrier', trackingPattern: /^\d{10}$/ },
  { code: 'UPS', name: 'UPS', kind: 'online_carrier', trackingPattern: /^1Z[0-9A-Z]{16}$/ },
  { code: 'FEDEX', name: 'FedEx', kind: 'online_carrier', trackingPattern: /^\d{12}$|^\d{15}$/ },
  {
    code: 'CHINA_POST',
    name: 'China Post 中国邮政',
    kind: 'online_carrier',
    trackingPattern: /^[A-Z]{2}\d{9}CN$/,
  },
] satisfies Carrier[]);
