// A unit's money given to its community (共驻共建) is income of the community's funds, which
// `committees` keeps. Recording a MONEY contribution writes a donation event in the same
// transaction; the outbox delivers it to committees' recordDonation, which books it once per
// event id however often it arrives.
import { donationEventId, donationReference, type ServiceClient } from '@shequ/kit';

export const donationKind = 'donation';

/** The most the community ledger books in one entry (10 million yuan): more is refused up front, never queued undeliverable. */
export const maxDonationFen = 1_000_000_000n;

/** The payload of a donation event: the arguments of committees' recordDonation. */
export interface Donation {
  eventId: string;
  communityId: string;
  amountFen: number;
  donor: string;
  purpose: string;
  /** YYYY-MM-DD: the day it was given. */
  occurredOn: string;
  reference: string;
}

export function donationFor(
  contribution: { id: string; description: string; valueFen: bigint; contributedOn: Date },
  unit: { communityId: string; name: string },
): Donation {
  return {
    eventId: donationEventId(contribution.id),
    communityId: unit.communityId,
    amountFen: Number(contribution.valueFen),
    donor: unit.name,
    purpose: `共驻共建：${contribution.description}`,
    // Not in the future (checked on recording), so the ledger, on the district's calendar, takes it.
    occurredOn: contribution.contributedOn.toISOString().slice(0, 10),
    reference: donationReference(contribution.id),
  };
}

// Scalar variables rather than the input type's name, so the contract is the field and its arguments.
const recordDonation = `mutation PartyDonation($eventId: ID!, $communityId: ID!, $amountFen: Fen!, $donor: String!, $purpose: String!, $occurredOn: Date!, $reference: String!) {
  recordDonation(input: { eventId: $eventId, communityId: $communityId, amountFen: $amountFen, donor: $donor, purpose: $purpose, occurredOn: $occurredOn, reference: $reference }) { __typename }
}`;

/** Resolves once committees has booked (or had already booked) the donation. */
export async function deliverDonation(services: ServiceClient, donation: Donation): Promise<void> {
  await services.request(recordDonation, { ...donation });
}
