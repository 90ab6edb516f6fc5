import type { FitProblem } from '../core/fit/fit-problem.ts';

/** "1–7" for consecutive numbers, else the values joined by commas. */
function listed(values: (string | number)[]): string {
  const numbers = values.every((v) => typeof v === 'number');
  if (numbers && values.length > 2 && values.every((v, i) => i === 0 || v === (values[i - 1] as number) + 1))
    return `${values[0]}–${values.at(-1)}`;
  return values.join(', ');
}

const article = (word: string) => (/^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`);
const kinds = (p: FitProblem) => (p.provisionKinds ?? []).join(' or ');
const within = (p: FitProblem) => (p.provision ? ` of provision "${p.provision}"` : ' of the agreement');

/**
 * An event that does not fit the adopted agreement, in words: the event kind, the field and its
 * value, and what would fit there. Shared by the CLI and the API (their errors say the same).
 */
export function fitMessage(p: FitProblem): string {
  const field = p.field.replace(/^body\./, '');
  const value = typeof p.value === 'number' ? String(p.value) : `"${p.value}"`;
  const fits = (label: string) =>
    p.fits.length ? `; ${label}: ${listed(p.fits)}` : `; there is none${within(p)}`;
  const said = (() => {
    switch (p.code) {
      case 'event-provision-unknown':
        return `provision ${value} is not in the agreement${
          p.fits.length
            ? `; ${kinds(p) ? `${kinds(p)} provisions` : 'its provisions'}: ${listed(p.fits)}`
            : `; the agreement has no ${kinds(p) || ''} provision`.replace('  ', ' ')
        }`;
      case 'event-provision-kind':
        return `provision ${value} is ${article(p.actualKind ?? 'other')} provision, and ${p.kind} is recorded on ${article(kinds(p))} provision${
          p.fits.length ? `; ${kinds(p)} provisions: ${listed(p.fits)}` : `; the agreement has none`
        }`;
      case 'event-phase-unknown':
        return p.provision
          ? `phase ${value} is not the phase${within(p)}${fits('its phase')}`
          : `phase ${value} is not in the agreement${fits('its phases')}`;
      case 'event-batch-unknown':
        return `batch ${value} is not a batch${within(p)}${fits('its batches')}`;
      case 'event-category-unknown':
        return `${field} ${value} is not a category${within(p)}${p.party ? ` for the releases of ${p.party}` : ''}${fits('its categories')}`;
      case 'event-zone-unknown':
        return `zone ${value} is not a zone${p.provision ? within(p) : ' of a localized pause of the agreement'}${fits('its zones')}`;
      case 'event-party-unknown':
        if (field === 'to' && p.provision)
          return `to ${value} is neither a side nor the intermediary${within(p)}${fits('who may receive it')}`;
        return field === 'via' && p.provision
          ? `via ${value} is not the intermediary${within(p)}${fits('its intermediary')}`
          : `${field} ${value} is not ${p.provision ? `a side${within(p)}` : 'a party of the agreement'}${fits(p.provision ? 'its sides' : 'its parties')}`;
      case 'event-route-unknown':
        return `route ${value} is not a route${within(p)}${fits('its routes')}`;
      case 'event-crossing-unknown':
        return `crossing ${value} is not the crossing${within(p)}${fits(p.provision ? 'its crossing' : 'the crossings of its crossing provisions')}`;
      case 'event-destination-unknown':
        return `destination ${value} is not a destination${within(p)}${fits('its destinations')}`;
      case 'event-unit-unknown':
        return `unit ${value} is not a unit of the quotas${within(p)}${fits('their units')}`;
      case 'event-actor-not-entitled':
        return actorWords(p, value);
    }
  })();
  return `${p.kind}: ${said}.`;
}

function actorWords(p: FitProblem, actor: string): string {
  const acts = `actor ${actor} acts for ${p.actorParty}`;
  switch (p.rule) {
    case 'receiving-side':
      return `${acts}, the receiving side (to: ${p.actorParty}): a handover is recorded by the side that hands it over (${listed(p.fits)}) or the operator; the receiving side may confirm, acknowledge or dispute it`;
    case 'not-a-side':
      return `${acts}, which is not a side${within(p)}; its sides: ${listed(p.fits)}`;
    case 'own-release':
      return `${acts} and records releases by ${listed(p.fits)}: a party records only its own releases (the other side may acknowledge or dispute them)`;
    case 'not-via':
      return `${acts} and confirms a handover made ${p.fits.length ? `through ${listed(p.fits)}` : 'through no intermediary (it names no via)'}: an intermediary confirms only the handovers made through it`;
    default:
      return `${acts}, which may not record it`;
  }
}
