import { createRequire } from 'node:module';
import type zoneTable from 'countries-and-timezones';
import type { CountryCode } from 'libphonenumber-js/core';

// Required on first use, not imported: `donegate scan` starts without loading the zone table.
const requireLazily = createRequire(import.meta.url);

/** Languages whose country names count: the ones donegate's users most often write tickets and data in. */
const NAME_LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'sv', 'ru', 'ja', 'zh', 'ko', 'ar'] as const;

/**
 * Time-zone cities that are also common words or first names (`Nome` is Italian for "name", `Wake`,
 * `Regina`), or compass points: naming them is no sign of a country. Zones three levels deep (`America/Indiana/Knox`) and in
 * Antarctica are small places, left out for the same reason.
 */
const AMBIGUOUS_CITIES = new Set([
  // Old zone names for a country's parts (`Australia/West`, `Brazil/East`, `US/Central`): words in every text.
  'west', 'east', 'north', 'south', 'central', 'eastern', 'western', 'mountain', 'pacific', 'atlantic', 'general', 'acre',
  'nome', 'wake', 'midway', 'easter', 'christmas', 'reunion', 'regina', 'dawson', 'johnston', 'creston', 'eucla', 'truk', 'mayotte', 'enderbury', 'kanton', 'chatham', 'thule']);

/** Big cities no time zone is named after, with their country. */
const MORE_CITIES: Readonly<Record<string, CountryCode>> = {
  manchester: 'GB', birmingham: 'GB', glasgow: 'GB', edinburgh: 'GB', leeds: 'GB', lyon: 'FR', marseille: 'FR', toulouse: 'FR', lille: 'FR',
  nice: 'FR', hamburg: 'DE', münchen: 'DE', munich: 'DE', frankfurt: 'DE', köln: 'DE', cologne: 'DE', stuttgart: 'DE', düsseldorf: 'DE',
  milano: 'IT', milan: 'IT', roma: 'IT', napoli: 'IT', naples: 'IT', torino: 'IT', turin: 'IT', barcelona: 'ES', valencia: 'ES', sevilla: 'ES',
  seville: 'ES', bilbao: 'ES', porto: 'PT', rotterdam: 'NL', 'the hague': 'NL', antwerp: 'BE', antwerpen: 'BE', geneva: 'CH', genève: 'CH',
  basel: 'CH', bern: 'CH', gothenburg: 'SE', göteborg: 'SE', kraków: 'PL', krakow: 'PL', osaka: 'JP', kyoto: 'JP', 'rio de janeiro': 'BR',
  mumbai: 'IN', delhi: 'IN', 'new delhi': 'IN', bangalore: 'IN', bengaluru: 'IN', chennai: 'IN', hyderabad: 'IN', montreal: 'CA', montréal: 'CA',
  ottawa: 'CA', calgary: 'CA', 'los angeles': 'US', 'san francisco': 'US', seattle: 'US', boston: 'US', houston: 'US', dallas: 'US',
  miami: 'US', atlanta: 'US', washington: 'US', 'cape town': 'ZA', durban: 'ZA', auckland: 'NZ', wellington: 'NZ', brisbane: 'AU',
  perth: 'AU', adelaide: 'AU', 'hong kong': 'HK', beijing: 'CN', shenzhen: 'CN', guangzhou: 'CN', seoul: 'KR', busan: 'KR', 'abu dhabi': 'AE',
};

let places: Map<string, CountryCode[]> | undefined;

function addPlace(map: Map<string, CountryCode[]>, name: string, country: CountryCode): void {
  const key = name.toLowerCase().normalize('NFC');
  const regions = map.get(key);
  if (regions === undefined) map.set(key, [country]);
  else if (!regions.includes(country)) regions.push(country);
}

/**
 * Place name → the countries it names: country names in several languages (`Intl.DisplayNames`, from ICU)
 * and the cities of the IANA time zones (`Europe/Berlin` → Berlin), each mapped to its countries by
 * `countries-and-timezones`, plus a few big cities no zone is named after. Built on first use: most scans
 * never need it.
 */
function placeNames(supported: (code: string) => code is CountryCode): Map<string, CountryCode[]> {
  if (places !== undefined) return places;
  const countriesAndTimezones = requireLazily('countries-and-timezones') as typeof zoneTable;
  const map = new Map<string, CountryCode[]>();
  const displays = NAME_LANGUAGES.map((language) => new Intl.DisplayNames([language], { type: 'region' }));
  for (const country of Object.values(countriesAndTimezones.getAllCountries())) {
    if (!supported(country.id)) continue;
    addPlace(map, country.name, country.id);
    for (const display of displays) {
      const name = display.of(country.id);
      if (name !== undefined && name !== country.id) addPlace(map, name, country.id);
    }
  }
  for (const zone of Object.values(countriesAndTimezones.getAllTimezones({ deprecated: true }))) {
    const parts = zone.name.split('/');
    if (parts.length !== 2 || parts[0] === 'Antarctica' || parts[0] === 'Etc') continue;
    const city = (parts[1] ?? '').replace(/_/g, ' ');
    if (AMBIGUOUS_CITIES.has(city.toLowerCase())) continue;
    for (const country of zone.countries) if (supported(country)) addPlace(map, city, country);
  }
  for (const [city, country] of Object.entries(MORE_CITIES)) addPlace(map, city, country);
  places = map;
  return map;
}

/** Names are one to three words long (`Berlin`, `New York`, `Rio de Janeiro`, `Bosnia and Herzegovina` excepted). */
const MAX_WORDS = 3;

/** The countries named in `text` (a few dozen characters around a candidate), in the order they are named. */
export function namedCountries(text: string, supported: (code: string) => code is CountryCode): CountryCode[] {
  const words = text.toLowerCase().normalize('NFC').match(/\p{L}[\p{L}\p{M}]*(?:['’.-]\p{L}[\p{L}\p{M}]*)*/gu) ?? [];
  const map = placeNames(supported);
  const found: CountryCode[] = [];
  for (let start = 0; start < words.length; start++) {
    for (let count = 1; count <= MAX_WORDS && start + count <= words.length; count++) {
      for (const country of map.get(words.slice(start, start + count).join(' ')) ?? []) if (!found.includes(country)) found.push(country);
    }
  }
  return found;
}
