// The public Open311 GeoReport v2 view: how catalogue items and requests map onto its fields.
// Nothing personal leaves through it: no resident, no free text written by residents, no home
// address, status notes only anonymised. A welfare request is published as what a GeoReport
// deployment publishes for a sensitive category: that a welfare service was asked for in the
// community on that day, and whether it is open. Which welfare service (the code, name, charge and
// provider say whom it serves: people with disabilities, people in extreme poverty …), its notes,
// its location and its time of day are withheld, as together with the community they point at a
// vulnerable person.
import { anonymise } from '@shequ/kit';
import type { ServiceItem, ServiceProvider, ServiceRequest, ServiceSeries } from './generated/prisma/client.js';
import { priceLabel } from './catalogue-rules.js';
import { open311Status } from './request-status.js';

export type Lang = 'zh' | 'en';

export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime' | 'batch' | 'blackbox';
  keywords: string;
  group: string;
}

export interface Open311Request {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string | null;
  service_name: string;
  service_code: string;
  description: string | null;
  agency_responsible: string | null;
  service_notice: string;
  requested_datetime: Date;
  updated_datetime: Date;
  expected_datetime: Date | null;
  address: string | null;
  address_id: string;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
}

export function toOpen311Service(item: ServiceItem & { series: ServiceSeries }, lang: Lang): Open311Service {
  return {
    service_code: item.code,
    service_name: lang === 'en' ? item.nameEn : item.name,
    description: item.description,
    // No extra attributes are asked when filing, so clients need no service definition.
    metadata: false,
    // Filing answers with the service_request_id at once.
    type: 'realtime',
    keywords: item.keywords.join(','),
    group: lang === 'en' ? item.series.nameEn : item.series.name,
  };
}

/** The one service code every welfare request is published under. */
export const welfareCode = 'welfare';

export function welfareService(lang: Lang): Open311Service {
  return {
    service_code: welfareCode,
    service_name: lang === 'en' ? 'Welfare service' : '社区福利服务',
    description:
      lang === 'en'
        ? 'Every welfare service (free or low-cost, for vulnerable residents): their requests are published under this code only, by day, without location or notes'
        : '面向困难群体的无偿、低偿服务：其申请只以此代码按日公开，不含位置和备注',
    metadata: false,
    type: 'realtime',
    keywords: 'welfare,福利',
    group: lang === 'en' ? 'Welfare' : '福利服务',
  };
}

const day = 24 * 3600_000;
// Wuhan keeps UTC+8 all year.
const districtOffset = 8 * 3600_000;

/** Midnight in Wuhan of the day `at` falls on. */
export const districtDayStart = (at: Date): Date => new Date(Math.floor((at.getTime() + districtOffset) / day) * day - districtOffset);

/** What a request publishes as its time: welfare requests only their day. */
export const publishedTime = (at: Date, welfare: boolean): Date => (welfare ? districtDayStart(at) : at);

/** About 1 km: enough to map demand, too coarse to find a door. */
const coarse = (degrees: number | null): number | null => (degrees === null ? null : Math.round(degrees * 100) / 100);

export function toOpen311Request(r: ServiceRequest & { item: ServiceItem; provider: ServiceProvider | null }, lang: Lang): Open311Request {
  const welfare = r.item.tier === 'WELFARE';
  if (welfare) {
    const generic = welfareService(lang);
    return {
      service_request_id: r.id,
      status: open311Status(r.status),
      status_notes: null,
      service_name: generic.service_name,
      service_code: welfareCode,
      description: null,
      agency_responsible: null,
      service_notice: 'free or low-cost',
      requested_datetime: publishedTime(r.requestedAt, true),
      updated_datetime: publishedTime(r.updatedAt, true),
      expected_datetime: r.expectedAt && publishedTime(r.expectedAt, true),
      address: null,
      address_id: r.communityId,
      zipcode: null,
      lat: null,
      long: null,
      media_url: null,
    };
  }
  return {
    service_request_id: r.id,
    status: open311Status(r.status),
    // Written by providers and staff for the public, yet sometimes with a name or a phone in it.
    status_notes: r.statusNotes && anonymise(r.statusNotes),
    service_name: lang === 'en' ? r.item.nameEn : r.item.name,
    service_code: r.item.code,
    description: null,
    agency_responsible: r.provider ? (lang === 'en' ? r.provider.nameEn : r.provider.name) : null,
    service_notice: priceLabel(r.item),
    requested_datetime: r.requestedAt,
    updated_datetime: r.updatedAt,
    expected_datetime: r.expectedAt,
    address: null,
    address_id: r.communityId,
    zipcode: null,
    lat: coarse(r.latitude),
    long: coarse(r.longitude),
    media_url: null,
  };
}
