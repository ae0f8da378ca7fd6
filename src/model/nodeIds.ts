/**
 * Every tree id, built in one place. Ids are stable across refreshes (so expansion survives) and are
 * how the model names what an operation is busy with, without knowing about tree nodes.
 */
export const NodeIds = {
  zone: (zoneId: string) => `zone/${zoneId}`,
  aopGroup: (zoneId: string) => `zone/${zoneId}/aop`,
  aopCertificate: (zoneId: string, certificateId: string) => `zone/${zoneId}/aop/${certificateId}`,
  association: (zoneId: string, certificateId: string, hostname: string) => `zone/${zoneId}/aop/${certificateId}/${hostname}`,
  customHostnames: (zoneId: string) => `zone/${zoneId}/customHostnames`,
  customHostname: (zoneId: string, hostnameId: string) => `zone/${zoneId}/customHostnames/${hostnameId}`,
  certificatePack: (zoneId: string, hostnameId: string, packId: string | undefined) =>
    `zone/${zoneId}/customHostnames/${hostnameId}/pack/${packId ?? 'none'}`,
  packCertificate: (zoneId: string, hostnameId: string, packId: string | undefined, certificateId: string) =>
    `zone/${zoneId}/customHostnames/${hostnameId}/pack/${packId ?? 'none'}/${certificateId}`,
} as const;
