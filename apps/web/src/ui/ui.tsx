import {
  useEffect,
  useId,
  type ButtonHTMLAttributes,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';

/**
 * The app's few shared components. Each keeps what makes it accessible (labels tied to inputs, errors announced
 * and tied to their field, visible focus from ui.css) so that pages only put them together.
 */
export function Button({ variant = 'primary', ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: 'primary' | 'quiet' }) {
  return <button type="button" {...props} className={`button button-${variant}`} />;
}

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string;
  error?: string;
  hint?: string;
}

/** A labelled input; its error is shown under it, read out with it (aria-describedby) and marks it invalid. */
export function Field({ label, error, hint, ...input }: FieldProps) {
  const id = useId();
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  label: string;
  options: readonly { value: string; label: string }[];
  error?: string;
  hint?: string;
  /** The first, empty choice ("Choose…") when nothing is chosen yet. */
  placeholder?: string;
}

/** A labelled choice among a few options, with its error tied to it like Field's. */
export function SelectField({ label, options, error, hint, placeholder, ...select }: SelectFieldProps) {
  const id = useId();
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...select}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** A page: its one h1 and its content. */
export function Page({ title, intro, children }: { title: string; intro?: ReactNode; children?: ReactNode }) {
  // The tab and the history list name the page, not only the app.
  useEffect(() => {
    document.title = `${title} · Filmschool`;
  }, [title]);
  return (
    <section className="page">
      <h1>{title}</h1>
      {intro && <p className="page-intro">{intro}</p>}
      {children}
    </section>
  );
}

/** A list of items, or the sentence saying there is none. */
export function List<T extends { id: string }>({
  items,
  empty,
  render,
  label,
}: {
  items: readonly T[];
  empty: string;
  label?: string;
  render(item: T): ReactNode;
}) {
  if (items.length === 0) return <p className="list-empty">{empty}</p>;
  return (
    <ul className="list" aria-label={label}>
      {items.map((item) => (
        <li key={item.id} className="list-item">
          {render(item)}
        </li>
      ))}
    </ul>
  );
}

/** A short status word with its colour; the word carries the meaning, the colour only helps. */
export function Badge({ tone = 'neutral', children }: { tone?: 'neutral' | 'good' | 'busy' | 'bad'; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

export function Alert({ children }: { children: ReactNode }) {
  return (
    <p className="alert" role="alert">
      {children}
    </p>
  );
}

export function Loading({ label }: { label: string }) {
  return (
    <p className="loading" role="status">
      {label}
    </p>
  );
}

interface TextAreaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> {
  label: string;
  error?: string;
}

/** A labelled multi-line input, with its error tied to it like Field's. */
export function TextArea({ label, error, ...input }: TextAreaProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} {...input} />
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** A group of choices (checkboxes or radios) under one legend, with the group's error read out with it. */
export function Choices({ legend, error, children }: { legend: string; error?: string; children: ReactNode }) {
  const id = useId();
  return (
    <fieldset className="choices" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {children}
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** A table that scrolls sideways inside its own frame on a phone, instead of widening the page. */
export function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  // Focusable so that keyboard users can scroll it; named so that screen readers announce what it holds.
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
