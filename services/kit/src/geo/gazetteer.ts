import type { Province } from '../taxonomy';
import places from './dutch-places.json';

/** A Dutch place with its province and approximate town-centre coordinates (WGS84 decimal degrees). */
export interface Place {
  name: string;
  province: Province;
  latitude: number;
  longitude: number;
}

export interface Coordinates {
  latitude: number;
  longitude: number;
}

interface PlaceEntry extends Place {
  aliases?: string[];
}

/**
 * "'s-Hertogenbosch", "s Hertogenbosch" and "S-HERTOGENBOSCH" are one town, as are "Zaandam" and
 * "Zaandam " — people type place names every way, so lookups ignore case, diacritics, spaces and punctuation.
 */
function key(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]/g, '');
}

const BY_KEY: ReadonlyMap<string, Place> = (() => {
  const map = new Map<string, Place>();
  for (const entry of places as PlaceEntry[]) {
    const place: Place = { name: entry.name, province: entry.province, latitude: entry.latitude, longitude: entry.longitude };
    for (const name of [entry.name, ...(entry.aliases ?? [])]) map.set(key(name), place);
  }
  return map;
})();

/** Every place in the gazetteer (aliases not repeated). */
export function allPlaces(): Place[] {
  return [...new Set(BY_KEY.values())];
}

/** The place of that name (or alias, e.g. "Den Bosch"), or null when the gazetteer does not know it. */
export function findPlace(name: string): Place | null {
  const k = key(name);
  return k ? (BY_KEY.get(k) ?? null) : null;
}

const EARTH_RADIUS_KM = 6371.0088;
const rad = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance in kilometres (haversine): straight-line, not travel distance. */
export function distanceKm(a: Coordinates, b: Coordinates): number {
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
