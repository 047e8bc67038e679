import type { DnsAnswer, NetworkError, SystemCalls, Utility } from '../types';
import { commandName, showUsage } from './parseOptions';
import { readFile, splitLines } from './readInputs';

interface ResolvConf {
  nameserver?: string;
  search: string[];
}

/** The first nameserver and the search list of the container's /etc/resolv.conf. */
function readResolvConf(sys: SystemCalls): ResolvConf {
  const read = readFile(sys.fs, '/etc/resolv.conf');
  const conf: ResolvConf = { search: [] };
  if ('error' in read) return conf;
  for (const line of splitLines(read.text)) {
    const [keyword, ...values] = line.trim().split(/\s+/);
    if (keyword === 'nameserver' && conf.nameserver === undefined) conf.nameserver = values[0];
    if (keyword === 'search') conf.search = values;
  }
  return conf;
}

/** The cluster domain is what follows `svc.` in the search list (`cluster.local` by default). */
function clusterDomain(conf: ResolvConf): string {
  const svc = conf.search.find((domain) => domain.startsWith('svc.'));
  return svc ? svc.slice(4) : 'cluster.local';
}

const isAnswer = (result: DnsAnswer | NetworkError): result is DnsAnswer => 'addresses' in result;

/**
 * busybox 1.36 `nslookup NAME [SERVER]` (networking/nslookup.c). It queries the name as given when it has a dot,
 * otherwise each search-list expansion, for A and then AAAA records, and prints every reply in that order; the
 * exit status is 1 if any query failed. A name resolved only through the search path therefore does not count
 * here (`nslookup web-0.nginx` fails on new busybox, unlike on 1.28). No AAAA records are simulated.
 */
export const nslookup: Utility = (argv, io, sys) => {
  const name = commandName(argv);
  const operands = argv.slice(1).filter((arg) => !arg.startsWith('-'));
  const [query, serverArg] = operands;
  if (query === undefined) return showUsage(io, name, '[-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]');
  const conf = readResolvConf(sys);
  const server = serverArg ?? conf.nameserver ?? '127.0.0.1';
  io.stdout(`Server:\t\t${server}\nAddress:\t${server}:53\n\n`);
  const bare = query.replace(/\.$/, '');
  if (/^\d+\.\d+\.\d+\.\d+$/.test(bare)) {
    io.stdout(`** server can't find ${bare.split('.').reverse().join('.')}.in-addr.arpa: NXDOMAIN\n\n`);
    return 1;
  }
  const candidates =
    bare.includes('.') || conf.search.length === 0 ? [bare] : conf.search.map((domain) => `${bare}.${domain}`);
  const domain = clusterDomain(conf);
  const raw = candidates.map((candidate) => sys.net.lookup(candidate));
  if (raw.some((result) => !isAnswer(result) && result.kind !== 'nxdomain')) {
    io.stdout(';; connection timed out; no servers could be reached\n\n');
    return 1;
  }
  // Only an answer for the name itself counts: this nslookup sends each candidate as an absolute query.
  const results = raw.map((result, index) =>
    isAnswer(result) && result.name === candidates[index] ? result : undefined,
  );
  let out = '';
  for (const recordType of ['A', 'AAAA']) {
    for (const [index, candidate] of candidates.entries()) {
      const answer = results[index];
      if (!answer) {
        out += `** server can't find ${candidate}: NXDOMAIN\n\n`;
        continue;
      }
      const authoritative = answer.name === domain || answer.name.endsWith(`.${domain}`);
      if (!authoritative) out += 'Non-authoritative answer:\n';
      if (recordType === 'A') {
        if (answer.canonicalName) out += `${answer.name}\tcanonical name = ${answer.canonicalName}\n`;
        const shown = answer.canonicalName ?? answer.name;
        out += answer.addresses.map((address) => `Name:\t${shown}\nAddress: ${address}\n`).join('');
      }
      out += '\n';
    }
  }
  io.stdout(out);
  return results.every(Boolean) ? 0 : 1;
};

/**
 * busybox 1.28 `nslookup NAME` (the version the Kubernetes docs pin for DNS debugging): resolves like getaddrinfo,
 * search path included, and names each address by its reverse lookup, here the name that answered.
 */
export const nslookupBusybox128: Utility = (argv, io, sys) => {
  const name = commandName(argv);
  const [query, serverArg] = argv.slice(1).filter((arg) => !arg.startsWith('-'));
  if (query === undefined) return showUsage(io, name, '[HOST] [SERVER]');
  const conf = readResolvConf(sys);
  const server = serverArg ?? conf.nameserver ?? '127.0.0.1';
  const named = (ip: string) => {
    const ptr = sys.net.reverseLookup?.(ip);
    return ptr ? `${ip} ${ptr}` : ip;
  };
  io.stdout(`${'Server:'.padEnd(10)} ${server}\nAddress 1: ${named(server)}\n\n`);
  const result = sys.net.lookup(query);
  if (!isAnswer(result)) {
    io.stderr(`${name}: can't resolve '${query}'\n`);
    return 1;
  }
  const addresses = result.addresses.map((address, index) => `Address ${index + 1}: ${named(address)}\n`).join('');
  io.stdout(`${'Name:'.padEnd(10)} ${query}\n${addresses}`);
  return 0;
};
