/**
 * What a profile's `profile.yaml` (templates/<id>/profile.yaml, or the same in a `--templates` folder) may say: the
 * one definition of it. The loader checks the file against this schema and the ProfileConfig type is derived from
 * it, so the check and the type cannot drift apart. docs/templates.md ("Profiles") documents it.
 */
import { Type, type Static } from '@sinclair/typebox';
// Named so that the declarations tsc writes for the schema can refer to them (TS4023), as src/model/iep.ts does.
import type { Hint, Kind, OptionalKind, ReadonlyKind } from '@sinclair/typebox';
export type { Hint, Kind, OptionalKind, ReadonlyKind };
import { DISABILITIES } from './iep.js';

/** The bundled rule sets: a rule of src/rules lists those it runs in (`Rule.profiles`). */
export const RULE_SETS = ['federal', 'ny'] as const;
export type RuleSet = (typeof RULE_SETS)[number];

const ProfileId = Type.String({ pattern: '^[a-z][a-z0-9-]*$', maxLength: 40, description: 'A profile id: lowercase letters, digits and hyphens, starting with a letter (e.g. ma).' });

const classificationTerms = Object.fromEntries(
  DISABILITIES.map((d) => [d, Type.Optional(Type.String({ pattern: '^[a-z0-9][a-z0-9-]*$', description: `The profile's term for ${d}.` }))]),
);

export const ProfileSettingsSchema = Type.Object(
  {
    transitionAge: Type.Optional(Type.Integer({ minimum: 10, maximum: 21, description: 'Transition planning from the first IEP in effect at this age (16 under IDEA).' })),
    rightsTransferAtMajority: Type.Optional(
      Type.Boolean({ description: 'Whether IDEA rights transfer from the parents to the student at the age of majority (34 CFR 300.320(c), 300.520); false where the state has not established it.' }),
    ),
    ageOfMajority: Type.Optional(Type.Integer({ minimum: 16, maximum: 21, description: 'The age of majority at which the rights transfer, when they do.' })),
    schoolDayMinutes: Type.Optional(Type.Integer({ minimum: 60, maximum: 720, description: 'The length of the school day in minutes that the service rules assume.' })),
    classification: Type.Optional(
      Type.Object(
        {
          labels: Type.String({ pattern: '^[a-z][a-z0-9-]*:[A-Za-z0-9_.-]+$', description: 'The label key prefix of the classification terms: the form prints `<labels>.<term>`, e.g. ny:classification.' }),
          terms: Type.Optional(Type.Object(classificationTerms, { additionalProperties: false, description: "The profile's own term for a classification of the data model, where it differs." })),
        },
        { additionalProperties: false, description: 'How the official form names the disability classification.' },
      ),
    ),
  },
  { additionalProperties: false, description: "What differs in law between profiles; each key is inherited from `extends` when absent." },
);

export const ProfileConfigSchema = Type.Object(
  {
    id: ProfileId,
    name: Type.String({ minLength: 1, maxLength: 100, description: 'The name printed in messages and docs, e.g. Massachusetts.' }),
    description: Type.String({ minLength: 1, description: 'Whose law and which form, in a sentence or two.' }),
    extends: Type.Optional({ ...ProfileId, description: 'A profile whose layouts, labels, settings, rule set and rules this one inherits.' }),
    ruleSet: Type.Optional(
      Type.Unsafe<RuleSet>({ type: 'string', enum: [...RULE_SETS], description: `The bundled compliance rules that run: ${RULE_SETS.join(' or ')} (inherited from \`extends\` when absent).` }),
    ),
    settings: Type.Optional(ProfileSettingsSchema),
    extensions: Type.Optional(
      Type.Object(
        {
          namespace: Type.String({ pattern: '^[a-z][a-z0-9-]*$', maxLength: 40, description: 'The key under `extensions` of an IEP record that holds this profile\'s own data.' }),
          schema: Type.String({ pattern: '^[A-Za-z0-9_.-]+\\.json$', description: 'A JSON Schema file in the profile folder that the data under the namespace must meet.' }),
        },
        { additionalProperties: false, description: "The profile's own data in IEP records." },
      ),
    ),
  },
  { additionalProperties: false, description: 'A state profile (profile.yaml).' },
);

export type ProfileConfig = Static<typeof ProfileConfigSchema>;
export type ProfileSettingsConfig = Static<typeof ProfileSettingsSchema>;
