// Services: the catalogue, providers, service points, tenders and request figures are public
// (Open311's view of requests holds no personal data). A request itself is for the resident
// served, the community's committee staff, the provider serving it and district administrators;
// sealed bids for the tender's managers (the district, or the staff of its own street or
// community) and each provider its own; a service point's commitments and notices for its
// provider (or the district), their assessment for its supervisors.
import services from '../../subgraphs/services/src/index.js';
import { admin, callers, defineSuite, nobody, other, own, pastTheCheck, personas, variants, type Caller, type Persona } from './matrix.js';
import type { TokenClaims } from '@shequ/kit';

interface Request {
  id: string;
  residentId: string;
  community: { id: string };
  provider: { id: string } | null;
}

interface Tender {
  id: string;
  community: { id: string } | null;
  street: { id: string } | null;
  bids: { id: string; provider: { id: string } }[];
}

interface Fixtures {
  /** A closed, rated request served by a provider, of nobody the personas are. */
  request: Request;
  /** Awarded tenders with bids, of a community and of a street that are not the personas'. */
  communityTender: Tender;
  streetTender: Tender;
  /** An in-service point not run by the PARTNER persona. */
  point: { id: string; provider: { id: string }; community: { id: string } | null; street: { id: string } | null };
}

/** The request's own parties, as the RESIDENT, COMMITTEE_STAFF and PARTNER columns. */
const partiesOf = (r: Request): Partial<Record<Persona, TokenClaims>> => ({
  RESIDENT: { ...personas.RESIDENT, personId: r.residentId, sub: r.residentId, communityId: r.community.id },
  COMMITTEE_STAFF: { ...personas.COMMITTEE_STAFF, communityId: r.community.id },
  PARTNER: { ...personas.PARTNER, partnerId: r.provider!.id },
});

/** The tender's own managers, as the COMMITTEE_STAFF and STREET_STAFF columns, and a bidder as PARTNER. */
const managersOf = (t: Tender): Partial<Record<Persona, TokenClaims>> => ({
  ...(t.community ? { COMMITTEE_STAFF: { ...personas.COMMITTEE_STAFF, communityId: t.community.id } } : {}),
  ...(t.street ? { STREET_STAFF: { ...personas.STREET_STAFF, streetId: t.street.id } } : {}),
  PARTNER: { ...personas.PARTNER, partnerId: t.bids[0]!.provider.id },
});

const residents: readonly Caller[] = ['RESIDENT', 'PARTY_OFFICER'];

const requestFields = 'id description address latitude residentId resident { id } events { note }';

export default defineSuite({
  subgraph: services,
  fixtures: async (ask): Promise<Fixtures> => {
    const { serviceRequests } = await ask<{ serviceRequests: { edges: { node: Request & { status: string; rating: string | null } }[] } }>(
      '{ serviceRequests(status: CLOSED, first: 500) { edges { node { id status rating residentId community { id } provider { id } } } } }',
    );
    const request = serviceRequests.edges
      .map((e) => e.node)
      .find((r) => r.rating && r.provider && r.community.id !== own.community && r.provider.id !== own.provider);
    const { tenders } = await ask<{ tenders: { edges: { node: Tender }[] } }>(
      '{ tenders(status: AWARDED, first: 100) { edges { node { id community { id } street { id } bids { id provider { id } } } } } }',
    );
    const awarded = tenders.edges.map((e) => e.node).filter((t) => t.bids.length > 1 && !t.bids.some((b) => b.provider.id === own.provider));
    const communityTender = awarded.find((t) => t.community && t.community.id !== own.community);
    const streetTender = awarded.find((t) => t.street && t.street.id !== own.street);
    const { servicePoints } = await ask<{ servicePoints: (Fixtures['point'] & { commitments: { id: string; status: string }[] })[] }>(
      '{ servicePoints { id provider { id } community { id } street { id } commitments { id status } } }',
    );
    const point = servicePoints.find((p) => p.provider.id !== own.provider && p.community && p.community.id !== own.community);
    if (!request || !communityTender || !streetTender || !point)
      throw new Error(`demo data lacks a fixture: ${JSON.stringify({ request, communityTender, streetTender, point })}`);
    return { request, communityTender, streetTender, point };
  },
  rows: [
    ...variants(
      {
        name: "a rated request's rating, for evaluations",
        // An unknown request: null past the identity check.
        operation: '{ serviceRatingFact(requestId: "request-nobody") { requestId rating } }',
      },
      {
        'asked by evaluations': { as: { SERVICE: { role: 'SERVICE', sub: 'service:evaluations' } }, allowed: ['SERVICE'] },
        'asked by another subgraph': { as: { SERVICE: { role: 'SERVICE', sub: 'service:party' } }, allowed: nobody },
      },
    ),
    {
      name: 'the catalogue, providers, service points and tenders are public',
      operation: `{ serviceSeries { id } serviceItems { code } serviceProviders { id creditCode } servicePoints(communityId: "community-minzu-01") { id phone commitments { id } notices { id } requestStats { total } }
        tenders(first: 3) { edges { node { id status bidCount awardedBid { priceFen provider { id } } } } } community(id: "community-minzu-01") { serviceRequestStats { total } } }`,
      allowed: callers,
    },
    {
      name: "Open311's public view of requests",
      operation: '{ open311 { requests(limit: 20) { service_request_id status description address_string: address_id } } }',
      allowed: callers,
    },
    ...variants<Fixtures>(
      { name: 'one service request', operation: `query($id: ID!) { serviceRequest(id: $id) { ${requestFields} } }`, variables: (f) => ({ id: f.request.id }) },
      {
        'its resident, community staff and provider': {
          as: (f) => partiesOf(f.request),
          allowed: ['RESIDENT', 'COMMITTEE_STAFF', 'PARTNER', 'DISTRICT_ADMIN'],
        },
        'anyone else': { allowed: admin },
      },
    ),
    ...variants(
      {
        name: 'service requests, listed',
        operation: `query($c: ID, $p: ID) { serviceRequests(communityId: $c, providerId: $p, first: 3) { edges { node { ${requestFields} } } } }`,
      },
      {
        // Staff get their own community's, a provider its own: the filter is the caller's.
        unfiltered: { allowed: ['COMMITTEE_STAFF', 'PARTNER', 'DISTRICT_ADMIN'] },
        'of own community': { variables: { c: own.community }, allowed: ['COMMITTEE_STAFF', 'PARTNER', 'DISTRICT_ADMIN'] },
        'of another community': { variables: { c: other.community }, allowed: ['PARTNER', 'DISTRICT_ADMIN'] },
        'of another provider': { variables: { p: other.provider }, allowed: ['COMMITTEE_STAFF', 'DISTRICT_ADMIN'] },
      },
    ),
    ...variants(
      { name: "a community's service requests", operation: `query($c: ID!) { community(id: $c) { serviceRequests(first: 3) { ${requestFields} } } }` },
      {
        'own community': { variables: { c: own.community }, allowed: ['COMMITTEE_STAFF', 'DISTRICT_ADMIN'] },
        'another community': { variables: { c: other.community }, allowed: admin },
      },
    ),
    { name: "a resident's own requests", operation: `{ myServiceRequests { ${requestFields} } }`, allowed: residents },
    { name: "a provider's own bids", operation: '{ myTenderBids { id priceFen proposal score } }', allowed: ['PARTNER'] },
    ...variants<Fixtures>(
      {
        name: 'sealed bids of a tender',
        operation: 'query($id: ID!) { tender(id: $id) { id bids { id priceFen proposal provider { id } } } }',
        allowed: callers,
      },
      {
        // Everyone reads the tender; the bids list is empty for who may not see any.
        'its community managers and a bidder': {
          variables: (f) => ({ id: f.communityTender.id }),
          as: (f) => managersOf(f.communityTender),
          allowed: callers,
          sees: { path: 'tender.bids.id', by: ['COMMITTEE_STAFF', 'DISTRICT_ADMIN', 'PARTNER'] },
          expect: (res, caller) => {
            const bids = (res.data as { tender?: { bids: unknown[] } } | undefined)?.tender?.bids ?? [];
            if (caller === 'PARTNER' && bids.length !== 1) throw new Error(`a bidder sees only its own bid, got ${bids.length}`);
          },
        },
        'its street managers': {
          variables: (f) => ({ id: f.streetTender.id }),
          as: (f) => managersOf(f.streetTender),
          allowed: callers,
          sees: { path: 'tender.bids.id', by: ['STREET_STAFF', 'DISTRICT_ADMIN', 'PARTNER'] },
        },
        'anyone else': { variables: (f) => ({ id: f.communityTender.id }), allowed: callers, sees: { path: 'tender.bids.id', by: admin } },
      },
    ),
    ...variants(
      {
        name: 'submitting a bid',
        operation: 'mutation($p: ID) { submitBid(input: { tenderId: "tender-nobody", providerId: $p, priceFen: 100, proposal: "matrix" }) { id } }',
        expect: pastTheCheck('NOT_FOUND'),
      },
      {
        'for own organisation': { variables: { p: own.provider }, allowed: ['PARTNER', 'DISTRICT_ADMIN'] },
        'for another provider': { variables: { p: other.provider }, allowed: admin },
      },
    ),
    ...variants<Fixtures>(
      {
        name: 'evaluating a bid',
        // A score out of range: BAD_USER_INPUT past the manager check.
        operation: 'mutation($id: ID!) { evaluateBid(bidId: $id, score: 101) { id } }',
        expect: pastTheCheck('BAD_USER_INPUT'),
      },
      {
        "the tender's community": {
          variables: (f) => ({ id: f.communityTender.bids[0]!.id }),
          as: (f) => managersOf(f.communityTender),
          allowed: ['COMMITTEE_STAFF', 'DISTRICT_ADMIN'],
        },
        "the tender's street": {
          variables: (f) => ({ id: f.streetTender.bids[0]!.id }),
          as: (f) => managersOf(f.streetTender),
          allowed: ['STREET_STAFF', 'DISTRICT_ADMIN'],
        },
        'another community and street': { variables: (f) => ({ id: f.communityTender.bids[0]!.id }), allowed: admin },
      },
    ),
    ...variants(
      {
        name: 'publishing a tender',
        // An item that does not exist: NOT_FOUND past the scope check.
        operation:
          'mutation($c: ID, $s: ID) { publishTender(input: { itemId: "item-nobody", communityId: $c, streetId: $s, title: "matrix", requirements: "matrix", budgetFen: 100, contractStart: "2030-01-01", contractEnd: "2030-12-31", closesAt: "2029-12-01T00:00:00Z" }) { id } }',
        expect: pastTheCheck('NOT_FOUND'),
      },
      {
        'for own community': { variables: { c: own.community }, allowed: ['COMMITTEE_STAFF', 'DISTRICT_ADMIN'] },
        'for own street': { variables: { s: own.street }, allowed: ['STREET_STAFF', 'DISTRICT_ADMIN'] },
        'for another community': { variables: { c: other.neighbour }, allowed: admin },
      },
    ),
    ...(['closeTender(id: $id)', 'cancelTender(id: $id, reason: "matrix")'] as const).flatMap((call) =>
      variants<Fixtures>(
        // An awarded tender: CONFLICT past the manager check.
        { name: `${call.slice(0, call.indexOf('('))} on a tender`, operation: `mutation($id: ID!) { ${call} { id } }`, expect: pastTheCheck('CONFLICT') },
        {
          "the tender's community": {
            variables: (f) => ({ id: f.communityTender.id }),
            as: (f) => managersOf(f.communityTender),
            allowed: ['COMMITTEE_STAFF', 'DISTRICT_ADMIN'],
          },
          "the tender's street": {
            variables: (f) => ({ id: f.streetTender.id }),
            as: (f) => managersOf(f.streetTender),
            allowed: ['STREET_STAFF', 'DISTRICT_ADMIN'],
          },
          'another community and street': { variables: (f) => ({ id: f.communityTender.id }), allowed: admin },
        },
      ),
    ),
    ...variants<Fixtures>(
      {
        name: 'awarding a tender',
        // A bid that does not exist: NOT_FOUND past the manager check.
        operation: `mutation($id: ID!) { awardTender(input: { tenderId: $id, bidId: "bid-nobody", servicePoint: { name: "x", nameEn: "x", address: "x", lat: 30.58, long: 114.27, openingHours: "Mo-Fr 09:00-17:00", phone: "02785000000" } }) { id } }`,
        expect: pastTheCheck('NOT_FOUND'),
      },
      {
        "the tender's community": {
          variables: (f) => ({ id: f.communityTender.id }),
          as: (f) => managersOf(f.communityTender),
          allowed: ['COMMITTEE_STAFF', 'DISTRICT_ADMIN'],
        },
        'another community and street': { variables: (f) => ({ id: f.communityTender.id }), allowed: admin },
      },
    ),
    {
      name: 'adding a catalogue item',
      operation:
        'mutation { createServiceItem(input: { seriesId: "series-nobody", name: "x", nameEn: "x", description: "x", tier: CONVENIENCE, chargingMode: FREE, priceFen: 0, priceUnit: "次" }) { id } }',
      allowed: admin,
      expect: pastTheCheck('NOT_FOUND', 'BAD_USER_INPUT'),
    },
    {
      name: 'registering a service provider',
      operation: 'mutation { registerServiceProvider(input: { name: "x", nameEn: "x", kind: ENTERPRISE, creditCode: "nope" }) { id } }',
      allowed: admin,
      expect: pastTheCheck('BAD_USER_INPUT'),
    },
    // A service point's commitments are departments' one commitment system (test/authorization/departments.ts).
    ...(['publishServicePointNotice(servicePointId: $id, input: { kind: OTHER, title: "", content: "x" })'] as const).flatMap((call) =>
      variants<Fixtures>(
        // Empty text: BAD_USER_INPUT past the provider check.
        {
          name: `${call.slice(0, call.indexOf('('))} for a service point`,
          operation: `mutation($id: ID!) { ${call} { id } }`,
          variables: (f) => ({ id: f.point.id }),
          expect: pastTheCheck('BAD_USER_INPUT'),
        },
        {
          'its provider': { as: (f) => ({ PARTNER: { ...personas.PARTNER, partnerId: f.point.provider.id } }), allowed: ['PARTNER', 'DISTRICT_ADMIN'] },
          'another provider': { allowed: admin },
        },
      ),
    ),
    ...variants(
      {
        name: 'filing a service request',
        operation:
          'mutation($code: String!, $r: ID) { fileServiceRequest(input: { serviceCode: $code, residentId: $r, description: "厨房水龙头漏水", address: "民族路12号" }) { id } }',
      },
      {
        // An unknown service: NOT_FOUND past the role check, nothing filed.
        'an unknown service': { variables: { code: 'NOPE-01' }, allowed: ['RESIDENT', 'PARTY_OFFICER', 'COMMITTEE_STAFF'], expect: pastTheCheck('NOT_FOUND') },
        // Someone else's request, for a resident of another community: nobody may.
        'for a resident of another community': { variables: { code: 'S1-06', r: 'resident-minzu-02-0001' }, allowed: nobody },
      },
    ),
    ...variants<Fixtures>(
      {
        name: 'dispatching a service request',
        // A closed request: CONFLICT past the staff check.
        operation: 'mutation($id: ID!) { assignServiceRequest(id: $id, servicePointId: "sp-nobody") { id } }',
        variables: (f) => ({ id: f.request.id }),
        expect: pastTheCheck('CONFLICT'),
      },
      {
        "the request's community": { as: (f) => partiesOf(f.request), allowed: ['COMMITTEE_STAFF', 'DISTRICT_ADMIN'] },
        'another community': { allowed: admin },
      },
    ),
    ...variants<Fixtures>(
      {
        name: 'moving a service request on',
        operation: 'mutation($id: ID!) { updateServiceRequest(input: { id: $id, status: IN_PROGRESS }) { id } }',
        variables: (f) => ({ id: f.request.id }),
        expect: pastTheCheck('CONFLICT'),
      },
      {
        'its community staff and provider': { as: (f) => partiesOf(f.request), allowed: ['COMMITTEE_STAFF', 'PARTNER', 'DISTRICT_ADMIN'] },
        'anyone else': { allowed: admin },
      },
    ),
    ...variants<Fixtures>(
      {
        name: 'rating a service',
        // Rated already: CONFLICT past the check that it is the resident's.
        operation: 'mutation($id: ID!) { rateServiceRequest(id: $id, rating: SATISFIED) { id } }',
        variables: (f) => ({ id: f.request.id }),
        expect: pastTheCheck('CONFLICT'),
      },
      { 'its resident': { as: (f) => partiesOf(f.request), allowed: ['RESIDENT'] }, 'another resident': { allowed: nobody } },
    ),
  ],
});
