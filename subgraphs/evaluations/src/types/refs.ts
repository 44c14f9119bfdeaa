import { defineAccountabilityEvent } from '@shequ/kit';
import { builder } from '../builder.js';
import type { TargetKind } from '../domain/scoring.js';

// Entities owned elsewhere: streets, departments and staff by `departments`, communities by
// `committees`. This subgraph holds only their ids; the gateway resolves the rest.
const key = () => builder.selection<{ id: string }>('id');
export const Community = builder.externalRef('Community', key()).implement({ externalFields: (t) => ({ id: t.id() }) });
export const AccountabilityEvent = defineAccountabilityEvent(builder, Community);
// `recordedEvents`: departments' part of the accountability trail (commitments, delegated work),
// which `accountabilityTimeline` receives through @requires (types/accountability.ts).
const accountableRef = <Name extends string>(name: Name) =>
  builder.externalRef(name, key()).implement({ externalFields: (t) => ({ id: t.id(), recordedEvents: t.field({ type: [AccountabilityEvent] }) }) });
export const Street = accountableRef('Street');
export const Department = accountableRef('Department');
export const Staff = accountableRef('Staff');

export const TargetKindEnum = builder.enumType('EvaluationTargetKind', {
  description:
    'What a campaign target is: a street office, a functional department or a staff member. ' +
    'PROVIDER, a service provider, is only ever the party of a service-rating rectification case',
  values: ['STREET', 'DEPARTMENT', 'STAFF', 'PROVIDER'] as const,
});

export const GradeEnum = builder.enumType('EvaluationGrade', {
  description: 'EXCELLENT ≥ 90, GOOD ≥ 75, PASS ≥ 60, else FAIL',
  values: ['EXCELLENT', 'GOOD', 'PASS', 'FAIL'] as const,
});

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/**
 * The target of a campaign, result, case or appraisal entry: its kind and id, and one of three
 * nullable references (a union would not compose across the owners), so that e.g.
 * `department { name }` is resolved by `departments` and a subgraph down means null, not an error.
 */
export function targetFields<P extends { targetId: string }>(t: PothosSchemaTypes.ObjectFieldBuilder<Types, P>, kindOf: (p: P) => TargetKind | 'PROVIDER') {
  const ref = (p: P, kind: TargetKind) => (kindOf(p) === kind ? { id: p.targetId } : null);
  return {
    targetKind: t.field({ type: TargetKindEnum, resolve: kindOf }),
    targetId: t.id({ resolve: (p) => p.targetId }),
    street: t.field({ type: Street, nullable: true, description: 'Set when the target is a street office', resolve: (p) => ref(p, 'STREET') }),
    department: t.field({ type: Department, nullable: true, description: 'Set when the target is a department', resolve: (p) => ref(p, 'DEPARTMENT') }),
    staff: t.field({ type: Staff, nullable: true, description: 'Set when the target is a staff member', resolve: (p) => ref(p, 'STAFF') }),
  };
}

// Owned by `services`: what a service-rating case was about.
export const ServiceProvider = builder.externalRef('ServiceProvider', key()).implement({ externalFields: (t) => ({ id: t.id() }) });
export const ServicePoint = builder.externalRef('ServicePoint', key()).implement({ externalFields: (t) => ({ id: t.id() }) });
export const ServiceItem = builder.externalRef('ServiceItem', key()).implement({ externalFields: (t) => ({ id: t.id() }) });
