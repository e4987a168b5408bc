// The differential of port and network findings between Port Warden and a peer: found by both,
// only by us, only by them. A peer's check counts when it is about a port or a database open to a
// network (the table below); ours count when they report exposure (not ownership, expiry or
// overlap, which the peers do not check). Two findings are the same when they are in the same file
// and ours lies inside the lines the peer reports: its resource block, Kubernetes object or
// template resource (Trivy's enclosing block when it names an attribute).

/** Our checks that report exposure; the other checks (owner, expiry, overlaps) have no peer. */
export const EXPOSURE_CHECKS = new Set(['admin-port-exposed', 'full-range-exposure', 'public-database']);

/**
 * Peer checks about ports and network exposure, with what they look for. Egress checks, public
 * IPs on instances and load balancers without a port rule, and policy-only checks (descriptions,
 * attachments, default rules, logging) are not listed: they are not about a port being reachable.
 */
export const PEER_PORT_CHECKS = {
  checkov: {
    CKV_AWS_24: 'security group: 22 from 0.0.0.0/0',
    CKV_AWS_25: 'security group: 3389 from 0.0.0.0/0',
    CKV_AWS_260: 'security group: 80 from 0.0.0.0/0',
    CKV_AWS_277: 'security group: all ports (-1) from 0.0.0.0/0',
    CKV_AWS_229: 'NACL: 21 from 0.0.0.0/0',
    CKV_AWS_230: 'NACL: 20 from 0.0.0.0/0',
    CKV_AWS_231: 'NACL: 3389 from 0.0.0.0/0',
    CKV_AWS_232: 'NACL: 22 from 0.0.0.0/0',
    CKV_AWS_352: 'NACL: all ports',
    CKV_AWS_17: 'RDS publicly accessible',
    CKV_AWS_87: 'Redshift publicly accessible',
    CKV_AZURE_9: 'NSG: RDP from the internet',
    CKV_AZURE_10: 'NSG: SSH from the internet',
    CKV_AZURE_160: 'NSG: HTTP 80 from the internet',
    CKV_AZURE_77: 'NSG: UDP services from the internet',
    CKV_AZURE_11: 'SQL firewall: 0.0.0.0/0',
    CKV_GCP_2: 'firewall: SSH unrestricted',
    CKV_GCP_3: 'firewall: RDP unrestricted',
    CKV_GCP_75: 'firewall: FTP unrestricted',
    CKV_GCP_77: 'firewall: FTP port',
    CKV_GCP_88: 'firewall: MySQL unrestricted',
    CKV_GCP_106: 'firewall: HTTP 80 unrestricted',
    CKV2_GCP_12: 'firewall: all ports unrestricted',
    CKV_GCP_11: 'Cloud SQL open to the world',
    CKV_GCP_60: 'Cloud SQL has a public IP',
    CKV_ALI_2: 'security group: 22 from 0.0.0.0/0',
    CKV_ALI_3: 'security group: 3389 from 0.0.0.0/0',
    CKV_ALI_9: 'database instance public',
    CKV_ALI_43: 'MongoDB instance public',
    CKV_TC_9: 'MySQL open to public networks',
    CKV_OPENSTACK_2: 'security group: 22 from 0.0.0.0/0',
    CKV_OPENSTACK_3: 'security group: 3389 from 0.0.0.0/0',
    CKV_K8S_19: 'hostNetwork',
    CKV_K8S_26: 'hostPort',
  },
  trivy: {
    'AVD-AWS-0107': 'security group: SSH or RDP from any address',
    'AVD-AWS-0105': 'NACL: ingress from any address',
    'AVD-AWS-0102': 'NACL: all ports',
    'AVD-AWS-0180': 'RDS publicly accessible',
    'AVD-AZU-0047': 'NSG: ingress from any address',
    'AVD-AZU-0048': 'NSG: RDP from any address',
    'AVD-AZU-0050': 'NSG: SSH from any address',
    'AVD-AZU-0074': 'NSG: sensitive port exposed to the entire network',
    'AVD-AZU-0022': 'database publicly accessible',
    'AVD-AZU-0029': 'database firewall permits public access',
    'AVD-GCP-0027': 'firewall: ingress from any address',
    'AVD-GCP-0070': 'firewall: RDP not restricted',
    'AVD-GCP-0071': 'firewall: SSH not restricted',
    'AVD-GCP-0072': 'firewall: all ports',
    'AVD-GCP-0074': 'firewall: large port range',
    'AVD-GCP-0017': 'Cloud SQL publicly exposed',
    'AVD-OPNSTK-0003': 'security group rule: ingress from public addresses',
    'AVD-KSV-0009': 'hostNetwork',
    'AVD-KSV-0024': 'hostPort',
  },
  'kube-linter': {
    'host-network': 'hostNetwork',
    'host-port': 'hostPort',
    'exposed-services': 'Service type NodePort or LoadBalancer',
  },
};

/** Our exposure findings from the CLI's JSON report, one per finding: { checkId, path, line }. */
export function ourFindings(report) {
  return report.flatMap((file) => file.findings
    .filter((finding) => EXPOSURE_CHECKS.has(finding.checkId))
    .map((finding) => ({ checkId: finding.checkId, path: file.filePath, line: finding.line, message: finding.message })));
}

/** Peer findings about ports, one per (check, file, lines): Trivy repeats a module's finding for each caller. */
export function peerPortFindings(tool, findings) {
  const listed = PEER_PORT_CHECKS[tool] ?? {};
  const seen = new Set();
  return findings.filter((finding) => {
    const key = `${finding.checkId}\0${finding.path}\0${finding.startLine}\0${finding.endLine}`;
    if (!(finding.checkId in listed) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const covers = (peer, ours) => peer.path === ours.path && ours.line >= peer.startLine && ours.line <= peer.endLine;

/**
 * Compares our exposure findings with a peer's port findings, on the files the peer reads
 * (`peerReads(path)`): a file it cannot read is not a difference.
 */
export function compare(ours, theirs, peerReads) {
  const ourScope = ours.filter((finding) => peerReads(finding.path));
  const onlyThem = theirs.filter((peer) => !ourScope.some((finding) => covers(peer, finding)));
  const bothThem = theirs.length - onlyThem.length;
  const onlyUs = ourScope.filter((finding) => !theirs.some((peer) => covers(peer, finding)));
  const perCheck = {};
  for (const peer of theirs) {
    const row = (perCheck[peer.checkId] ??= { total: 0, both: 0, onlyThem: 0 });
    row.total++;
    if (onlyThem.includes(peer)) row.onlyThem++;
    else row.both++;
  }
  const perOurCheck = {};
  for (const finding of ourScope) {
    const row = (perOurCheck[finding.checkId] ??= { total: 0, both: 0, onlyUs: 0 });
    row.total++;
    if (onlyUs.includes(finding)) row.onlyUs++;
    else row.both++;
  }
  return { ours: ourScope.length, theirs: theirs.length, bothThem, bothUs: ourScope.length - onlyUs.length, onlyUs, onlyThem, perCheck, perOurCheck };
}
