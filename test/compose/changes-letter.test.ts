/**
 * The letter to the family about an amendment (layout `changes`, issue 20), composed from the two example pairs:
 * Mateo (Spanish, amended by written agreement) and Amira (Arabic, amended at a meeting). Each change is said in the
 * family copy's words in the family's language, the letter opens with a strength, and nothing is left in English
 * where the record has the translation.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeDocument } from '../../src/compose/compose-document.js';
import { EXIT, exitCodeFor } from '../../src/model/diagnostic-catalog.js';
import type { Iep } from '../../src/model/iep.js';
import type { Language } from '../../src/model/languages.js';
import { errorsOf, describeDiagnostics, loadExample, rawIep, ROOT, squash, treeHeadings, treeText, validated, type TreeNode } from '../e2e/helpers.js';

const mateo1 = loadExample('mateo-almonte');
const mateo2 = validated(rawIep(path.join(ROOT, 'examples/amendments/mateo-almonte-v2.iep.yaml')));
const amira1 = loadExample('amira-saleh');
const amira2 = validated(rawIep(path.join(ROOT, 'examples/amendments/amira-saleh-v2.iep.yaml')));

function letter(iep: Iep, base: Iep | undefined, lang: Language) {
  const composed = composeDocument(iep, { layout: 'changes', lang, base });
  return { ...composed, text: composed.document ? squash(treeText(composed.document.body as TreeNode)) : '' };
}

describe('the changes letter', () => {
  it('tells a Spanish family each change in everyday words: the new frequency beside the old, the new goal, the ended seat', () => {
    const { document, text, diagnostics, untranslated } = letter(mateo2, mateo1, 'es');
    expect(describeDiagnostics(errorsOf(diagnostics))).toBe('');
    expect(document!.meta.title).toBe('Cambios en el IEP de Mateo Almonte');
    expect(text).toContain('Cambia: Terapia del habla: ahora 2 veces por semana, 30 minutos cada vez (antes: una vez por semana)');
    expect(text).toContain('Meta nueva: Comunicación: empezar conversaciones. Mateo empezará una conversación con un compañero');
    expect(text).toContain('Termina: Un asiento en una parte más tranquila del salón, cerca de uno de sus maestros');
    // Amended by written agreement, without a meeting: said so, with the date, and the right to a meeting anyway.
    expect(text).toContain('El 1 de diciembre de 2026, usted y la escuela acordaron por escrito hacer algunos cambios en el IEP de Mateo. No hubo reunión.');
    expect(text).toContain('Usted aceptó estos cambios por escrito. Aun así, puede pedir una reunión del IEP');
    // Why: the amendment's summary in Spanish; what stays: the unchanged services and goals, counted.
    expect(text).toContain('El informe de progreso de noviembre mostró que Mateo está listo para practicar más la conversación.');
    expect(text).toMatch(/Servicios y ayudas en clase que siguen igual: \d+/);
    expect(text).toContain('Metas que siguen igual: 7');
    expect(text).toContain('Ana Lucía Ferreira');
    expect(text).toContain('34 CFR 300.324(a)(4) y (a)(6)');
    // Nothing printed in English: every field the letter prints has its Spanish.
    expect(untranslated).toEqual([]);
    expect(text).not.toContain('Speech');
  });

  it('opens with the greeting and a strength, before any change', () => {
    const { text } = letter(mateo2, mateo1, 'es');
    const strength = text.indexOf('Mateo es rápido y preciso con los números.');
    expect(text.indexOf('Hola, Yesenia Almonte y Rafael Almonte:')).toBeGreaterThan(-1);
    expect(strength).toBeGreaterThan(text.indexOf('Hola,'));
    expect(strength).toBeLessThan(text.indexOf('Qué cambia'));
  });

  it('tells an Arabic family, right to left, that counseling is now twice a week, agreed at a meeting', () => {
    const { document, text, diagnostics, untranslated } = letter(amira2, amira1, 'ar');
    expect(describeDiagnostics(errorsOf(diagnostics))).toBe('');
    expect(document!.meta.dir).toBe('rtl');
    expect(text).toContain('تغيّر: الإرشاد: الآن مرتين في الأسبوع، 30 دقيقة في كل مرة (قبل ذلك: مرة واحدة في الأسبوع)');
    expect(text).toContain('جديد: سماعات تخفّف الضوضاء أثناء العمل المستقل');
    expect(text).toContain('اجتمع فريق البرنامج التعليمي الفردي واتفق على إجراء بعض التغييرات');
    expect(text).toContain('بعد تقرير التقدّم لشهر نوفمبر');
    expect(text).toContain('أميرة متحدثة قوية.');
    expect(untranslated).toEqual([]);
    expect(treeHeadings(document!.body as TreeNode).map((h) => h.text)).toEqual([
      'التغييرات في برنامج Amira التعليمي الفردي (IEP)',
      'ما الذي يتغيّر',
      'لماذا',
      'ما الذي يبقى كما هو',
      'بمن تتصلون',
      'حقوقكم',
    ]);
  });

  it('marks the summary English, visibly, in a language the record has no translation for', () => {
    const { document, untranslated } = letter(amira2, amira1, 'fr');
    expect(untranslated.map((u) => u.path)).toContain('document.amendment.summary');
    const marked = JSON.stringify(document!.body).includes('After Amira');
    expect(marked).toBe(true);
  });

  it('says so when nothing changed', () => {
    const { text, diagnostics } = letter(mateo1, mateo1, 'en');
    expect(errorsOf(diagnostics)).toEqual([]);
    expect(text).toContain('Nothing in the IEP changed.');
    expect(text).toContain('Goals that stay the same: 7');
  });

  it('is refused without the earlier version: base-required, a usage error naming --base', () => {
    const { document, diagnostics } = letter(mateo2, undefined, 'es');
    expect(document).toBeUndefined();
    expect(diagnostics.map((d) => d.code)).toEqual(['base-required']);
    expect(diagnostics[0]!.hint).toContain('--base OLD');
    expect(exitCodeFor(diagnostics)).toBe(EXIT.usage);
  });
});
