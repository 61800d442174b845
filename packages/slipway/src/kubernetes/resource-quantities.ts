/**
 * Fargate sizes as Kubernetes quantities: 1024 CPU units are one vCPU (1000 millicores), and the
 * model's memory is already in MiB.
 */
export function cpuQuantity(cpuUnits: number): string {
  return `${Math.round((cpuUnits * 1000) / 1024)}m`;
}

export function memoryQuantity(memoryMiB: number): string {
  return `${memoryMiB}Mi`;
}
