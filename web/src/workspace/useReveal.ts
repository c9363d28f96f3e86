import { useCallback, useEffect, useState } from "react";
import { revealRef, showRef } from "../lib/refs.js";

/**
 * Scrolls to and highlights the element of a finding's ref once the tab holding it has rendered.
 * Returns the function to call with the ref.
 */
export function useReveal(): (ref: string) => void {
  const [pending, setPending] = useState<{ ref: string } | null>(null);
  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(() => {
      // Not rendered (a virtual list's row off screen): its list brings it in, then it is revealed.
      if (!revealRef(pending.ref) && showRef(pending.ref)) setTimeout(() => revealRef(pending.ref), 150);
      setPending(null);
    }, 50);
    return () => clearTimeout(timer);
  }, [pending]);
  // A new object each time, so that clicking the same finding twice reveals it twice.
  return useCallback((ref: string) => setPending({ ref }), []);
}
