/** The helpers every rule's context carries (RuleContext.helpers): the bundled rules' own date and text functions. */
import { ageOn, compareDates, dateTurning } from './calendar.js';
import type { RuleHelpers } from './profile-rule.js';
import { englishText } from './text.js';
import { inEffectAtAge } from './transition.js';

export const RULE_HELPERS: Readonly<RuleHelpers> = Object.freeze({ inEffectAtAge, dateTurning, compareDates, ageOn, englishText });
