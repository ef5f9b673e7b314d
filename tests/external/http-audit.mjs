// Runs the GraphQL-over-HTTP audit of the `graphql-http` package against a live server and
// prints one line per audit. Exits non-zero when any MUST or SHOULD audit fails.
//   node http-audit.mjs http://127.0.0.1:8080/graphql
import { serverAudits } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node http-audit.mjs <graphql url>');
  process.exit(2);
}
// SHOULDs this server deliberately does not follow, with the reason (also in the README).
const deliberate = new Map();

let failed = 0;
for (const audit of serverAudits({ url })) {
  const result = await audit.fn();
  const required = audit.name.startsWith('MUST') || audit.name.startsWith('SHOULD');
  const ok = result.status === 'ok';
  const waived = !ok && deliberate.has(audit.id);
  if (!ok && required && !waived) failed += 1;
  const mark = ok ? 'ok  ' : waived ? 'skip' : required ? 'FAIL' : 'note';
  console.log(`${mark} ${audit.id} ${audit.name}${ok ? '' : ` (${result.reason})`}`);
}
console.log(`graphql-http audit: ${failed} required audit(s) failed`);
process.exit(failed === 0 ? 0 : 1);
