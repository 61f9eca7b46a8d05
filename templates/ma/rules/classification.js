// Massachusetts disability types (603 CMR 28.02(7)): written against iepkit's rule API, no imports.
// Sources: docs/ma-iep-form.md.

export default {
  code: 'ma-classification-multiple',
  severity: 'warning',
  title: 'Each disability type named (Massachusetts has no "multiple disabilities" type)',
  checks:
    'Massachusetts defines ten disability types and its IEP form checks every one that applies; it has no "multiple disabilities" type. An IEP classified `multiple-disabilities` names the types that apply in `disability.secondary`.',
  citation: '603 CMR 28.02(7)',
  hint: 'classify the student by the main type and list the others in `disability.secondary`, e.g. classification: autism, secondary: [speech-or-language-impairment]',
  example: `disability:
  classification: autism
  secondary: [speech-or-language-impairment]`,
  check(iep) {
    const d = iep.disability;
    if (d.classification !== 'multiple-disabilities') return [];
    const named = (d.secondary || []).filter((c) => c !== 'multiple-disabilities');
    if (named.length >= 2) return [];
    return [
      {
        path: ['disability', 'classification'],
        message:
          'the IEP is classified "multiple-disabilities", which is not a Massachusetts disability type, and `disability.secondary` does not name at least two of the types that apply',
      },
    ];
  },
};
