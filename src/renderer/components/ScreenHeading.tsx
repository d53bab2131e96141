import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The screen's one h1. It takes the focus when it appears, so after navigation, sign-in or
 * sign-out a screen reader (and the keyboard) starts at the new screen's title.
 */
export function ScreenHeading({ children, className }: { readonly children: ReactNode; readonly className?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <h1 ref={ref} tabIndex={-1} className={className ? `screen-heading ${className}` : 'screen-heading'}>
      {children}
    </h1>
  );
}
