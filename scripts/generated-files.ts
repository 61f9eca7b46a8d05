import { rulesMarkdown } from '../src/rules/rules-doc.js';
import { dataModelMarkdown } from '../src/model/data-model-doc.js';
import { errorsMarkdown } from '../src/model/errors-doc.js';
import { iepJsonSchema } from '../src/model/iep.js';
import { nyFormLocale } from '../src/model/ny-form.js';
import { nyFormMarkdown } from '../src/model/ny-form-doc.js';
import { readNyFormTranscription } from '../src/load/read-ny-form-transcription.js';
import { schemaValidatorModules } from './schema-validator-code.js';
import { templateFieldsMarkdown } from '../src/compose/template-fields-doc.js';
import { templateFieldSamples } from './template-field-samples.js';

/**
 * Every file generated from the code, by path relative to the package root. One list, used by
 * `npm run generate` to write them and by the drift test to compare them.
 */
export function generatedFiles(): Record<string, string> {
  const nyForm = readNyFormTranscription();
  return {
    'schema/iep.schema.json': JSON.stringify(iepJsonSchema(), null, 2) + '\n',
    'docs/data-model.md': dataModelMarkdown(),
    'docs/rules.md': rulesMarkdown(),
    'docs/errors.md': errorsMarkdown(),
    // The NY official layout's English labels, from the transcription of the State form (templates/ny/official/form.yaml).
    'locales/en/ny-form.json': JSON.stringify(nyFormLocale(nyForm), null, 2) + '\n',
    'docs/ny-form.md': nyFormMarkdown(nyForm),
    // Every field, helper and directive a template can use, from the view model of sample records.
    'docs/template-fields.md': templateFieldsMarkdown(templateFieldSamples()),
    // The IEP and layout front matter validators, compiled here rather than at every start.
    ...schemaValidatorModules(),
  };
}
