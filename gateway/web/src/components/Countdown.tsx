import { useEffect, useState } from "react";
import { utcOf, type Instant } from "../time";
import { When } from "./When";

/** A deadline computed on the server, shown in London time with how long is left (or how late it is), every minute. */
export function Deadline({ due, london }: { due: Instant; london?: string | null }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  const utc = utcOf(due);
  if (!utc) return <span>—</span>;
  const minutes = Math.round((new Date(utc).getTime() - now) / 60_000);
  const span = describe(Math.abs(minutes));
  return (
    <span className={minutes < 0 ? "deadline late" : "deadline"}>
      <When value={due} london={london} /> ({minutes < 0 ? `overdue by ${span}` : `due in ${span}`})
    </span>
  );
}

function describe(minutes: number): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${mins} min`;
  return `${mins} min`;
}
