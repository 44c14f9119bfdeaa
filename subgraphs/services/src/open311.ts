// The public Open311 GeoReport v2 view: how catalogue items and requests map onto its fields.
// Nothing personal leaves through it: no resident, no free text written by residents, no home
// address, and no location at all for welfare requests (it would point at a vulnerable person).
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

/** About 1 km: enough to map demand, too coarse to find a door. */
const coarse = (degrees: number | null): number | null => (degrees === null ? null : Math.round(degrees * 100) / 100);

export function toOpen311Request(r: ServiceRequest & { item: ServiceItem; provider: ServiceProvider | null }, lang: Lang): Open311Request {
  const welfare = r.item.tier === 'WELFARE';
  return {
    service_request_id: r.id,
    status: open311Status(r.status),
    status_notes: r.statusNotes,
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
    lat: welfare ? null : coarse(r.latitude),
    long: welfare ? null : coarse(r.longitude),
    media_url: null,
  };
}
