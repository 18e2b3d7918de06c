import { type ReactNode, useEffect, useRef } from "react";

/**
 * A card with an <h2>, named by it (so it is a region screen readers can jump to).
 * `focus` puts the keyboard on the heading when the section replaces a form.
 */
export function Section({
  id,
  title,
  children,
  className,
  focus = false,
}: {
  id: string;
  title: ReactNode;
  children: ReactNode;
  className?: string;
  focus?: boolean;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) heading.current?.focus();
  }, [focus]);
  return (
    <section className={className ? `card ${className}` : "card"} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} ref={heading} tabIndex={focus ? -1 : undefined}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** Label/value pairs as a description list; its children are <Detail>s. */
export function Details({ children }: { children: ReactNode }) {
  return <dl className="details">{children}</dl>;
}

export function Detail({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
