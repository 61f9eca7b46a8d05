import type { Command } from 'commander';
import { DEFAULTS } from '../../model/defaults.js';
import { exitCodeFor } from '../../model/diagnostic-catalog.js';
import { BUNDLED_PROFILES, type Profile } from '../../model/profiles.js';
import type { CliIo } from '../io.js';
import { formatDiagnostics } from '../print-diagnostics.js';

/** `--templates DIR`, repeatable: collected in the order given. */
function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function registerRules(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('rules')
    .description("list the compliance rules a profile runs, bundled and from the profile's folder, with their citations, as Markdown or JSON")
    .option('--profile <profile>', `state profile: ${BUNDLED_PROFILES.join(', ')}, or one in a --templates folder`, DEFAULTS.profile)
    .option('--templates <dir>', 'a templates folder searched before the bundled one (repeatable): where your profile and its rules/ folder are', collect)
    .option('--json', 'print the rules as JSON')
    .addHelpText(
      'after',
      "\nA profile's own rules are the .js, .mjs and .ts files of <templates>/<profile>/rules/ (docs/rules-api.md).\nExit codes: 0 the rules load, 2 an unknown profile or a rule file that does not load or breaks the rule API (the rules that load are still listed).",
    )
    .action(async (options: { profile: Profile; templates?: string[]; json?: boolean }) => {
      // Loaded here, not at the top, so that other commands (and `iep --version`) do not load the rules.
      const [{ loadProfile }, { profileRules }, { profileRulesMarkdown }] = await Promise.all([
        import('../../load/load-profile.js'),
        import('../../rules/profile-rules.js'),
        import('../../rules/rules-doc.js'),
      ]);
      const loaded = loadProfile(options.profile, { templates: options.templates ?? [] });
      const { rules, diagnostics } = loaded.profile ? profileRules(loaded.profile) : { rules: [], diagnostics: loaded.diagnostics };
      const profile = loaded.profile;
      if (options.json) {
        const listed = rules.map(({ check: _check, ...rule }) => rule);
        io.out(JSON.stringify({ profile: profile ? { id: profile.id, name: profile.name, ruleSet: profile.ruleSet } : options.profile, rules: listed, diagnostics }, null, 2) + '\n');
      } else {
        if (profile) io.out(profileRulesMarkdown(profile, rules, process.cwd()));
        if (diagnostics.length > 0) io.err(formatDiagnostics(diagnostics, { color: io.color }));
      }
      setExit(exitCodeFor(diagnostics));
    });
}
