/** The languages Plaudit's rating page, popup, invite message and thank-you page speak, as the settings offer them. */
export const LANGUAGES: Array<{ code: string; name: string; englishName: string }> = [
  { code: 'en', name: 'English', englishName: 'English' },
  { code: 'de', name: 'Deutsch', englishName: 'German' },
  { code: 'fr', name: 'Français', englishName: 'French' },
  { code: 'es', name: 'Español', englishName: 'Spanish' },
  { code: 'it', name: 'Italiano', englishName: 'Italian' },
  { code: 'pt', name: 'Português', englishName: 'Portuguese' },
  { code: 'nl', name: 'Nederlands', englishName: 'Dutch' },
  { code: 'da', name: 'Dansk', englishName: 'Danish' },
  { code: 'sv', name: 'Svenska', englishName: 'Swedish' },
  { code: 'nb', name: 'Norsk bokmål', englishName: 'Norwegian' },
  { code: 'fi', name: 'Suomi', englishName: 'Finnish' },
  { code: 'pl', name: 'Polski', englishName: 'Polish' },
  { code: 'ja', name: '日本語', englishName: 'Japanese' },
  { code: 'ar', name: 'العربية', englishName: 'Arabic' },
];

/** A language code as a person reads it: "Deutsch (German)". */
export function languageName(code: string): string {
  const language = LANGUAGES.find((candidate) => candidate.code === code);
  if (!language) return code;
  return language.name === language.englishName ? language.name : `${language.name} (${language.englishName})`;
}
