import { describe, expect, it, vi } from 'vitest';
import { clinics, clinicsServing, vaccinationRate } from '../src/data/clinics.js';
import { communityIds, streets } from '../src/data/streets.js';

const allCommunities = streets.flatMap(communityIds);

describe('the health centre’s synthetic records', () => {
  it('know the hub’s 112 communities of 13 streets', () => {
    expect(streets).toHaveLength(13);
    expect(allCommunities).toHaveLength(112);
    expect(new Set(allCommunities).size).toBe(112);
    expect(allCommunities).toContain('community-minzu-01');
    expect(allCommunities).toContain('community-xinhua-10');
  });

  it('serve every community by one or two clinics, and no unknown community', () => {
    for (const id of allCommunities) expect(clinicsServing(id).length, id).toBeGreaterThanOrEqual(1);
    for (const id of allCommunities) expect(clinicsServing(id).length, id).toBeLessThanOrEqual(2);
    const served = new Set(clinics.flatMap((c) => c.communities));
    expect([...served].sort()).toEqual([...allCommunities].sort());
  });

  it('have one service centre per street, the rest service stations, each with its own address', () => {
    for (const street of streets) {
      const own = clinics.filter((c) => c.id.startsWith(`clinic-${street.slug}-`));
      expect(own.filter((c) => c.name.endsWith('社区卫生服务中心')).map((c) => c.name)).toEqual([`${street.name}社区卫生服务中心`]);
      expect(own.filter((c) => c.name.endsWith('社区卫生服务站')).length).toBeGreaterThanOrEqual(1);
    }
    expect(new Set(clinics.map((c) => c.id)).size).toBe(clinics.length);
    expect(new Set(clinics.map((c) => c.address)).size).toBe(clinics.length);
    for (const c of clinics) {
      expect(c.address).toMatch(/^武汉市江汉区.+\d+号$/);
      expect(c.openingHours).toMatch(/^周一至周[五六日] \d{1,2}:\d{2}–\d{1,2}:\d{2}/);
    }
  });

  it('give rates between 0.86 and 0.99, with a handful of communities without records', () => {
    const rates = allCommunities.map(vaccinationRate);
    const known = rates.filter((r): r is number => r !== null);
    for (const r of known) expect(r).toBeGreaterThanOrEqual(0.86);
    for (const r of known) expect(r).toBeLessThanOrEqual(0.99);
    expect(rates.length - known.length).toBeGreaterThanOrEqual(1);
    expect(rates.length - known.length).toBeLessThanOrEqual(8);
    expect(new Set(known).size).toBeGreaterThan(50);
    expect(vaccinationRate('community-minzu-01')).not.toBeNull();
  });

  it('know nothing of ids that are not the hub’s', () => {
    expect(clinicsServing('community-nowhere-01')).toEqual([]);
    expect(vaccinationRate('community-nowhere-01')).toBeNull();
    expect(clinicsServing('community-minzu-09')).toEqual([]);
  });

  it('are the same on every start', async () => {
    const snapshot = JSON.stringify({ clinics, rates: allCommunities.map(vaccinationRate) });
    // A fresh evaluation of the module, as a new process would do.
    vi.resetModules();
    const fresh = await import('../src/data/clinics.js');
    expect(fresh.clinics).not.toBe(clinics);
    expect(JSON.stringify({ clinics: fresh.clinics, rates: allCommunities.map(fresh.vaccinationRate) })).toBe(snapshot);
    // Pinned, so a change of generator (or of Node's hashing) shows up here and not in a demo.
    expect(clinicsServing('community-minzu-01').map((c) => c.name)).toEqual(['民族街社区卫生服务中心']);
    expect(vaccinationRate('community-minzu-01')).toBe(0.946);
    expect(clinics).toHaveLength(48);
  });
});
