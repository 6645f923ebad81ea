/** Untrusted key/value input (a form's fields); data functions validate it with their zod schema. */
export type FormFields = Record<string, FormDataEntryValue | undefined>;

export function formFields(form: FormData): FormFields {
  const fields: FormFields = {};
  for (const [key, value] of form.entries()) fields[key] ??= value;
  return fields;
}
