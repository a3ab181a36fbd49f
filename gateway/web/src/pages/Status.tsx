import { useQuery } from "@tanstack/react-query";
import { api } from "../api";

type ServiceStatus = { service: string; status: string; httpStatus: number | null };

/** Public: the ready state of each service behind the gateway (no personal data). */
export function Status() {
  const health = useQuery({
    queryKey: ["health"],
    queryFn: () => api.get<ServiceStatus[]>("/health/services"),
    refetchInterval: 10_000,
  });
  return (
    <section aria-labelledby="status-title">
      <h1 id="status-title">Service status</h1>
      {health.isPending && <p>Checking…</p>}
      <table>
        <caption>Services behind the gateway</caption>
        <thead><tr><th scope="col">Service</th><th scope="col">Status</th></tr></thead>
        <tbody>
          {health.data?.map((s) => (
            <tr key={s.service}><td>{s.service}</td><td className={s.status === "Ready" ? "ok" : "bad"}>{s.status}</td></tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
