// What anonymous callers read through the Open311 view: a provider's status note with a resident's
// name, mobile, ID-card number and home address comes back scrubbed, a welfare request says
// neither which welfare service nor when to the minute, not even through the filters, and no id
// counts up.
import { expect, it } from 'vitest';
import { ok, onEachDatabase, provider } from './fixtures.js';

const update = 'mutation($input: UpdateServiceRequestInput!) { updateServiceRequest(input: $input) { statusNotes } }';
const publicRequest =
  'query($id: ID!) { open311 { request(service_request_id: $id) { service_code service_name status_notes agency_responsible service_notice requested_datetime updated_datetime lat long } } }';
const publicIds =
  'query($code: String, $from: DateTime, $to: DateTime) { open311 { requests(service_code: $code, start_date: $from, end_date: $to) { service_request_id service_code requested_datetime } } }';

// Synthetic, in the shapes a real note has them.
const note = '已受理：张秀英女士（电话 139-0712-3456，身份证42010319550307122X）住前进四路15号2栋3单元602室，李阿姨陪同，备用 186 7123 4567';
const secrets = ['张秀英', '139', '3456', '42010319550307122X', '1226', '15号', '602', '李阿姨', '186'];

onEachDatabase('the public Open311 view', (sg, ask) => {
  it('scrubs personal data from status notes before they leave as public data; the private record keeps them', async () => {
    // A demo request its provider has yet to accept (filing one needs committees beside this subgraph).
    const waiting = (await sg().db.prisma.serviceRequest.findFirst({
      where: { status: 'SUBMITTED', providerId: { not: null }, item: { tier: 'CONVENIENCE' } },
      orderBy: { id: 'asc' },
    }))!;
    const id = waiting.id;
    const saved = ok(
      await ask<{ updateServiceRequest: { statusNotes: string } }>(
        update,
        { input: { id, status: 'ACCEPTED', statusNotes: note } },
        provider(waiting.providerId!),
      ),
    );
    expect(saved.updateServiceRequest.statusNotes).toBe(note);

    const shown = ok(await ask<{ open311: { request: { status_notes: string } } }>(publicRequest, { id })).open311.request;
    expect(secrets.filter((s) => shown.status_notes.includes(s))).toEqual([]);
    expect(shown.status_notes).toBe('已受理：***（电话 ***，身份证***）住前进四路***，***陪同，备用 ***');
    const listed = ok(await ask<{ open311: { requests: { service_request_id: string }[] } }>('{ open311 { requests { service_request_id status_notes } } }'));
    expect(JSON.stringify(listed)).not.toContain('139-0712-3456');
  });

  it('publishes a welfare request under the generic code, by day, without provider, notes or place', async () => {
    const p = sg().db.prisma;
    const row = (await p.serviceRequest.findFirst({
      where: { item: { tier: 'WELFARE' }, providerId: { not: null } },
      include: { item: true },
      orderBy: { id: 'asc' },
    }))!;
    // 10:37:21.5 in Wuhan, a while ago.
    const at = new Date(Date.UTC(2026, 9, 14, 2, 37, 21, 500));
    await p.serviceRequest.update({
      where: { id: row.id },
      data: { requestedAt: at, updatedAt: new Date(at.getTime() + 3_600_000), statusNotes: note, latitude: 30.5912, longitude: 114.2701 },
    });

    const shown = ok(await ask<{ open311: { request: Record<string, unknown> } }>(publicRequest, { id: row.id })).open311.request;
    expect(shown).toEqual({
      service_code: 'welfare',
      service_name: '社区福利服务',
      status_notes: null,
      agency_responsible: null,
      service_notice: 'free or low-cost',
      // Midnight in Wuhan.
      requested_datetime: '2026-10-13T16:00:00.000Z',
      updated_datetime: '2026-10-13T16:00:00.000Z',
      lat: null,
      long: null,
    });

    type Ids = { open311: { requests: { service_request_id: string; service_code: string }[] } };
    const ids = async (variables: Record<string, unknown>) => ok(await ask<Ids>(publicIds, variables)).open311.requests.map((r) => r.service_request_id);
    // Its own code finds nothing; the generic one finds it.
    expect(await ids({ code: row.item.code, from: '2026-10-01T00:00:00Z' })).not.toContain(row.id);
    expect(await ids({ code: 'welfare', from: '2026-10-01T00:00:00Z' })).toContain(row.id);
    // The filters see its published time only: windows within its day after midnight never find
    // it, however they are narrowed around 10:37, and one holding that midnight always does.
    for (const [from, to] of [
      ['2026-10-14T02:30:00Z', '2026-10-14T02:45:00Z'],
      ['2026-10-13T16:00:01Z', '2026-10-14T02:38:00Z'],
      ['2026-10-14T02:37:00Z', '2026-10-14T15:59:59Z'],
    ]) {
      expect(await ids({ from, to }), `${from}–${to}`).not.toContain(row.id);
    }
    expect(await ids({ from: '2026-10-13T16:00:00Z', to: '2026-10-13T16:00:00Z' })).toContain(row.id);
    expect(await ids({ from: '2026-10-13T00:00:00Z', to: '2026-10-15T00:00:00Z' })).toContain(row.id);
  });

  it('gives every request, demo ones too, a random id: no count, no order, nothing to guess', async () => {
    const ids = ok(
      await ask<{ open311: { requests: { service_request_id: string }[] } }>(
        '{ open311 { requests(start_date: "2000-01-01T00:00:00Z") { service_request_id } } }',
      ),
    ).open311.requests.map((r) => r.service_request_id);
    expect(ids.length).toBeGreaterThan(300);
    expect(ids.filter((id) => !/^sr-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id))).toEqual([]);
  });

  it("orders the page by published time, so a welfare request's place among its neighbours says nothing finer than its day", async () => {
    const p = sg().db.prisma;
    const welfare = (await p.serviceRequest.findFirst({ where: { item: { tier: 'WELFARE' } }, orderBy: { id: 'desc' } }))!;
    const others = await p.serviceRequest.findMany({ where: { item: { tier: { not: 'WELFARE' } } }, orderBy: { id: 'desc' }, take: 3 });
    // A day far from the demo data: 09:00, then the welfare request at 12:00, then 15:00 and 18:00.
    const day = Date.UTC(2025, 2, 3, -8);
    const hour = 3_600_000;
    await p.serviceRequest.update({ where: { id: welfare.id }, data: { requestedAt: new Date(day + 12 * hour) } });
    for (const [i, r] of others.entries())
      await p.serviceRequest.update({ where: { id: r.id }, data: { requestedAt: new Date(day + [9, 15, 18][i]! * hour) } });
    const page = ok(
      await ask<{ open311: { requests: { service_request_id: string }[] } }>(
        '{ open311 { requests(start_date: "2025-03-02T16:00:00Z", end_date: "2025-03-03T15:59:59Z", limit: 3) { service_request_id } } }',
      ),
    ).open311.requests.map((r) => r.service_request_id);
    // Shown at midnight, it is the oldest of the day: cut from a page of three, whatever its hour.
    expect(page).toEqual([others[2]!.id, others[1]!.id, others[0]!.id]);
  });
});
