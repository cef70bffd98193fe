import { PROVINCES } from '../taxonomy';
import { allPlaces, distanceKm, findPlace } from './gazetteer';

const place = (name: string) => {
  const found = findPlace(name);
  if (!found) throw new Error(`gazetteer has no ${name}`);
  return found;
};

describe('findPlace', () => {
  it('finds a place whatever its case, diacritics or punctuation', () => {
    expect(place('amsterdam')).toMatchObject({ name: 'Amsterdam', province: 'NOORD_HOLLAND' });
    expect(findPlace("'s-Hertogenbosch")).toBe(findPlace('S HERTOGENBOSCH'));
    expect(findPlace('Den Bosch')).toBe(findPlace("'s-Hertogenbosch"));
    expect(findPlace('Zéëland-Middelburg')).toBeNull();
    expect(findPlace('Mïddelburg')).toBe(findPlace('Middelburg'));
    expect(findPlace("'s-Gravenhage")).toMatchObject({ name: 'Den Haag', province: 'ZUID_HOLLAND' });
  });

  it('answers null for a place it does not know, and for an empty name', () => {
    expect(findPlace('Atlantis')).toBeNull();
    expect(findPlace('')).toBeNull();
    expect(findPlace(' - ')).toBeNull();
  });
});

describe('distanceKm', () => {
  it('measures known distances between towns', () => {
    expect(Math.abs(distanceKm(place('Amsterdam'), place('Rotterdam')) - 57)).toBeLessThanOrEqual(3);
    // Straight line Groningen–Maastricht is about 270 km (by road about 300).
    expect(Math.abs(distanceKm(place('Groningen'), place('Maastricht')) - 270)).toBeLessThanOrEqual(10);
    expect(Math.abs(distanceKm(place('Utrecht'), place('Amersfoort')) - 20)).toBeLessThanOrEqual(3);
  });

  it('is zero for the same point and symmetric', () => {
    const a = place('Zwolle');
    const b = place('Middelburg');
    expect(distanceKm(a, a)).toBe(0);
    expect(distanceKm(a, b)).toBeCloseTo(distanceKm(b, a), 9);
  });
});

describe('the gazetteer', () => {
  const places = allPlaces();

  it('has 100+ places in every province, each inside the Netherlands', () => {
    expect(places.length).toBeGreaterThanOrEqual(100);
    expect(new Set(places.map((p) => p.province))).toEqual(new Set(PROVINCES));
    for (const p of places) {
      expect(PROVINCES).toContain(p.province);
      expect(p.latitude).toBeGreaterThan(50.7);
      expect(p.latitude).toBeLessThan(53.6);
      expect(p.longitude).toBeGreaterThan(3.3);
      expect(p.longitude).toBeLessThan(7.3);
    }
  });

  it('has every provincial capital in its province', () => {
    const capitals = {
      GRONINGEN: 'Groningen', FRIESLAND: 'Leeuwarden', DRENTHE: 'Assen', OVERIJSSEL: 'Zwolle', FLEVOLAND: 'Lelystad',
      GELDERLAND: 'Arnhem', UTRECHT: 'Utrecht', NOORD_HOLLAND: 'Haarlem', ZUID_HOLLAND: 'Den Haag', ZEELAND: 'Middelburg',
      NOORD_BRABANT: "'s-Hertogenbosch", LIMBURG: 'Maastricht',
    } as const;
    for (const [province, capital] of Object.entries(capitals)) expect(place(capital).province).toBe(province);
  });

  it('puts each place nearer its own province than a far-away one would be (no swapped coordinates)', () => {
    // A place whose latitude and longitude were swapped, or mistyped by a degree, ends up far from its
    // province's other places: every place lies within 90 km of its province's first-named town.
    const first = new Map<string, { latitude: number; longitude: number }>();
    for (const p of places) if (!first.has(p.province)) first.set(p.province, p);
    for (const p of places) expect([p.name, distanceKm(p, first.get(p.province)!) < 90]).toEqual([p.name, true]);
  });
});
