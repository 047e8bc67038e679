/**
 * Executables on an image's PATH, by base distribution. Lists are what the real base images ship: a command missing
 * here gives `executable file not found in $PATH` (exec) or `sh: ps: not found` (in a shell), as on a real cluster.
 */
import type { Userland } from '../../os/types';

/** BusyBox applets of the defconfig build the `busybox` image ships (busybox.net config/defconfig). */
// prettier-ignore
export const BUSYBOX_APPLETS: readonly string[] = [
  '[', '[[', 'acpid', 'add-shell', 'addgroup', 'adduser', 'adjtimex', 'ar', 'arch', 'arp', 'arping', 'ash', 'awk',
  'base32', 'base64', 'basename', 'bc', 'beep', 'blkdiscard', 'blkid', 'blockdev', 'bootchartd', 'brctl', 'bunzip2',
  'busybox', 'bzcat', 'bzip2', 'cal', 'cat', 'chat', 'chattr', 'chgrp', 'chmod', 'chown', 'chpasswd', 'chpst', 'chroot',
  'chrt', 'chvt', 'cksum', 'clear', 'cmp', 'comm', 'conspy', 'cp', 'cpio', 'crc32', 'crond', 'crontab', 'cryptpw',
  'cttyhack', 'cut', 'date', 'dc', 'dd', 'deallocvt', 'delgroup', 'deluser', 'depmod', 'devmem', 'df', 'dhcprelay',
  'diff', 'dirname', 'dmesg', 'dnsd', 'dnsdomainname', 'dos2unix', 'dpkg', 'dpkg-deb', 'du', 'dumpkmap', 'dumpleases',
  'echo', 'ed', 'egrep', 'eject', 'env', 'envdir', 'envuidgid', 'ether-wake', 'expand', 'expr', 'factor', 'fakeidentd',
  'fallocate', 'false', 'fatattr', 'fbset', 'fbsplit', 'fdflush', 'fdformat', 'fdisk', 'fgconsole', 'fgrep', 'find',
  'findfs', 'flock', 'fold', 'free', 'freeramdisk', 'fsck', 'fsck.minix', 'fsfreeze', 'fstrim', 'fsync', 'ftpd',
  'ftpget', 'ftpput', 'fuser', 'getopt', 'getty', 'grep', 'groups', 'gunzip', 'gzip', 'halt', 'hd', 'hdparm', 'head',
  'hexdump', 'hexedit', 'hostid', 'hostname', 'httpd', 'hush', 'hwclock', 'i2cdetect', 'i2cdump', 'i2cget', 'i2cset',
  'i2ctransfer', 'id', 'ifconfig', 'ifdown', 'ifenslave', 'ifplugd', 'ifup', 'inetd', 'init', 'insmod', 'install',
  'ionice', 'iostat', 'ip', 'ipaddr', 'ipcalc', 'ipcrm', 'ipcs', 'iplink', 'ipneigh', 'iproute', 'iprule', 'iptunnel',
  'kbd_mode', 'kill', 'killall', 'killall5', 'klogd', 'last', 'less', 'link', 'linux32', 'linux64', 'linuxrc', 'ln',
  'loadfont', 'loadkmap', 'logger', 'login', 'logname', 'logread', 'losetup', 'lpd', 'lpq', 'lpr', 'ls', 'lsattr',
  'lsmod', 'lsof', 'lspci', 'lsscsi', 'lsusb', 'lzcat', 'lzma', 'lzop', 'makedevs', 'makemime', 'man', 'md5sum', 'mdev',
  'mesg', 'microcom', 'mim', 'mkdir', 'mkdosfs', 'mke2fs', 'mkfifo', 'mkfs.ext2', 'mkfs.minix', 'mkfs.vfat', 'mknod',
  'mkpasswd', 'mkswap', 'mktemp', 'modinfo', 'modprobe', 'more', 'mount', 'mountpoint', 'mpstat', 'mt', 'mv',
  'nameif', 'nanddump', 'nandwrite', 'nbd-client', 'nc', 'netstat', 'nice', 'nl', 'nmeter', 'nohup', 'nologin',
  'nproc', 'nsenter', 'nslookup', 'ntpd', 'nuke', 'od', 'openvt', 'partprobe', 'passwd', 'paste', 'patch', 'pgrep',
  'pidof', 'ping', 'ping6', 'pipe_progress', 'pivot_root', 'pkill', 'pmap', 'popmaildir', 'poweroff', 'powertop',
  'printenv', 'printf', 'ps', 'pscan', 'pstree', 'pwd', 'pwdx', 'raidautorun', 'rdate', 'rdev', 'readahead',
  'readlink', 'readprofile', 'realpath', 'reboot', 'reformime', 'remove-shell', 'renice', 'reset', 'resize', 'resume',
  'rev', 'rm', 'rmdir', 'rmmod', 'route', 'rpm', 'rpm2cpio', 'rtcwake', 'run-init', 'run-parts', 'runlevel', 'runsv',
  'runsvdir', 'rx', 'script', 'scriptreplay', 'sed', 'seedrng', 'sendmail', 'seq', 'setarch', 'setconsole',
  'setfattr', 'setfont', 'setkeycodes', 'setlogcons', 'setpriv', 'setserial', 'setsid', 'setuidgid', 'sh', 'sha1sum',
  'sha256sum', 'sha3sum', 'sha512sum', 'showkey', 'shred', 'shuf', 'slattach', 'sleep', 'smemcap', 'softlimit',
  'sort', 'split', 'ssl_client', 'start-stop-daemon', 'stat', 'strings', 'stty', 'su', 'sulogin', 'sum', 'sv', 'svc',
  'svlogd', 'svok', 'swapoff', 'swapon', 'switch_root', 'sync', 'sysctl', 'syslogd', 'tac', 'tail', 'tar', 'taskset',
  'tc', 'tcpsvd', 'tee', 'telnet', 'telnetd', 'test', 'tftp', 'tftpd', 'time', 'timeout', 'top', 'touch', 'tr',
  'traceroute', 'traceroute6', 'tree', 'true', 'truncate', 'ts', 'tsort', 'tty', 'ttysize', 'tunctl', 'ubiattach',
  'ubidetach', 'ubimkvol', 'ubirename', 'ubirmvol', 'ubirsvol', 'ubiupdatevol', 'udhcpc', 'udhcpc6', 'udhcpd',
  'udpsvd', 'uevent', 'umount', 'uname', 'unexpand', 'uniq', 'unix2dos', 'unlink', 'unlzma', 'unshare', 'unxz',
  'unzip', 'uptime', 'users', 'usleep', 'uudecode', 'uuencode', 'vconfig', 'vi', 'vlock', 'volname', 'w', 'wall',
  'watch', 'watchdog', 'wc', 'wget', 'which', 'who', 'whoami', 'whois', 'xargs', 'xxd', 'xz', 'xzcat', 'yes', 'zcat',
  'zcip',
];

// Applets that arrived after busybox 1.28 (bc 1.30, tree/crc32/seedrng/tsort/mim/i2ctransfer later): the
// busybox:1.28 image of the seeds does not have them.
const APPLETS_AFTER_1_28 = new Set(['bc', 'crc32', 'i2ctransfer', 'mim', 'seedrng', 'tree', 'ts', 'tsort', 'udhcpc6']);

/** The applets of a given busybox release (major.minor compared numerically). */
export function busyboxApplets(version: string): string[] {
  const [major = 1, minor = 0] = version.split('.').map(Number);
  if (major > 1 || minor > 28) return [...BUSYBOX_APPLETS];
  return BUSYBOX_APPLETS.filter((applet) => !APPLETS_AFTER_1_28.has(applet));
}

/** Alpine's busybox build (aports main/busybox/busyboxconfig) plus the musl and apk tools of alpine-base. */
// prettier-ignore
export const ALPINE_BASE_COMMANDS: readonly string[] = [
  '[', '[[', 'acpid', 'add-shell', 'addgroup', 'adduser', 'adjtimex', 'apk', 'arch', 'arping', 'ash', 'awk',
  'base64', 'basename', 'bbconfig', 'bc', 'beep', 'blkdiscard', 'blkid', 'blockdev', 'brctl', 'bunzip2', 'busybox',
  'bzcat', 'bzip2', 'cal', 'cat', 'chattr', 'chgrp', 'chmod', 'chown', 'chpasswd', 'chroot', 'chvt', 'cksum',
  'clear', 'cmp', 'comm', 'cp', 'cpio', 'crond', 'crontab', 'cryptpw', 'cut', 'date', 'dc', 'dd', 'deallocvt',
  'delgroup', 'deluser', 'depmod', 'df', 'diff', 'dirname', 'dmesg', 'dnsdomainname', 'dos2unix', 'du', 'dumpkmap',
  'echo', 'egrep', 'eject', 'env', 'ether-wake', 'expand', 'expr', 'factor', 'fallocate', 'false', 'fatattr',
  'fbset', 'fbsplit', 'fdflush', 'fdisk', 'fgrep', 'find', 'findfs', 'flock', 'fold', 'free', 'fsck', 'fstrim',
  'fsync', 'fuser', 'getconf', 'getent', 'getopt', 'getty', 'grep', 'groups', 'gunzip', 'gzip', 'halt', 'hd',
  'head', 'hexdump', 'hostid', 'hostname', 'hwclock', 'iconv', 'id', 'ifconfig', 'ifdown', 'ifenslave', 'ifup',
  'init', 'inotifyd', 'insmod', 'install', 'ionice', 'iostat', 'ip', 'ipaddr', 'ipcalc', 'ipcrm', 'ipcs', 'iplink',
  'ipneigh', 'iproute', 'iprule', 'iptunnel', 'kbd_mode', 'kill', 'killall', 'killall5', 'klogd', 'ldconfig', 'ldd',
  'less', 'link', 'linux32', 'linux64', 'ln', 'loadfont', 'loadkmap', 'logger', 'login', 'logread', 'losetup', 'ls',
  'lsattr', 'lsmod', 'lsof', 'lsusb', 'lzcat', 'lzma', 'lzop', 'lzopcat', 'makemime', 'md5sum', 'mdev', 'mesg',
  'microcom', 'mkdir', 'mkdosfs', 'mkfifo', 'mkfs.vfat', 'mknod', 'mkpasswd', 'mkswap', 'mktemp', 'modinfo',
  'modprobe', 'more', 'mount', 'mountpoint', 'mpstat', 'mv', 'nameif', 'nanddump', 'nandwrite', 'nbd-client', 'nc',
  'netstat', 'nice', 'nl', 'nmeter', 'nohup', 'nologin', 'nproc', 'nsenter', 'nslookup', 'ntpd', 'od', 'openvt',
  'partprobe', 'passwd', 'paste', 'pgrep', 'pidof', 'ping', 'ping6', 'pipe_progress', 'pivot_root', 'pkill', 'pmap',
  'poweroff', 'printenv', 'printf', 'ps', 'pscan', 'pstree', 'pwd', 'pwdx', 'raidautorun', 'rdate', 'rdev',
  'readahead', 'readlink', 'realpath', 'reboot', 'reformime', 'remove-shell', 'renice', 'reset', 'resize', 'rev',
  'rfkill', 'rm', 'rmdir', 'rmmod', 'route', 'run-parts', 'scanelf', 'sed', 'sendmail', 'seq', 'setconsole',
  'setfont', 'setkeycodes', 'setlogcons', 'setpriv', 'setserial', 'setsid', 'sh', 'sha1sum', 'sha256sum', 'sha3sum',
  'sha512sum', 'showkey', 'shred', 'shuf', 'slattach', 'sleep', 'sort', 'split', 'ssl_client', 'stat', 'strings',
  'stty', 'su', 'sum', 'swapoff', 'swapon', 'switch_root', 'sync', 'sysctl', 'syslogd', 'tac', 'tail', 'tar', 'tee',
  'test', 'time', 'timeout', 'top', 'touch', 'tr', 'traceroute', 'traceroute6', 'tree', 'true', 'truncate', 'tty',
  'ttysize', 'tunctl', 'udhcpc', 'udhcpc6', 'umount', 'uname', 'unexpand', 'uniq', 'unix2dos', 'unlink', 'unlzma',
  'unlzop', 'unshare', 'unxz', 'unzip', 'uptime', 'usleep', 'uudecode', 'uuencode', 'vconfig', 'vi', 'vlock',
  'volname', 'watch', 'watchdog', 'wc', 'wget', 'which', 'whoami', 'whois', 'xargs', 'xxd', 'xzcat', 'yes', 'zcat',
  'zcip',
];

/** GNU coreutils 9.x. */
// prettier-ignore
const COREUTILS: readonly string[] = [
  '[', 'arch', 'b2sum', 'base32', 'base64', 'basename', 'basenc', 'cat', 'chcon', 'chgrp', 'chmod', 'chown', 'chroot',
  'cksum', 'comm', 'cp', 'csplit', 'cut', 'date', 'dd', 'df', 'dir', 'dircolors', 'dirname', 'du', 'echo', 'env',
  'expand', 'expr', 'factor', 'false', 'fmt', 'fold', 'groups', 'head', 'hostid', 'id', 'install', 'join', 'link',
  'ln', 'logname', 'ls', 'md5sum', 'mkdir', 'mkfifo', 'mknod', 'mktemp', 'mv', 'nice', 'nl', 'nohup', 'nproc',
  'numfmt', 'od', 'paste', 'pathchk', 'pinky', 'pr', 'printenv', 'printf', 'ptx', 'pwd', 'readlink', 'realpath', 'rm',
  'rmdir', 'runcon', 'seq', 'sha1sum', 'sha224sum', 'sha256sum', 'sha384sum', 'sha512sum', 'shred', 'shuf', 'sleep',
  'sort', 'split', 'stat', 'stdbuf', 'stty', 'sum', 'sync', 'tac', 'tail', 'tee', 'test', 'timeout', 'touch', 'tr',
  'true', 'truncate', 'tsort', 'tty', 'uname', 'unexpand', 'uniq', 'unlink', 'users', 'vdir', 'wc', 'who', 'whoami',
  'yes',
];

/**
 * The Essential/required packages of a Debian or Ubuntu docker image: bash, dash, coreutils, util-linux, findutils,
 * grep, sed, tar, gzip, diffutils, hostname, login/passwd, dpkg/apt, perl-base, mawk, ncurses-bin, libc-bin.
 * Not there: procps (ps, top, free, kill), iputils-ping, iproute2, net-tools, curl, wget, vim, less, dnsutils.
 */
// prettier-ignore
export const DEBIAN_BASE_COMMANDS: readonly string[] = [
  ...COREUTILS,
  'addgroup', 'adduser', 'agetty', 'apt', 'apt-cache', 'apt-config', 'apt-get', 'apt-key', 'apt-mark', 'awk', 'bash',
  'blkdiscard', 'blkid', 'blockdev', 'bunzip2', 'bzcat', 'bzip2', 'captoinfo', 'chage', 'chfn', 'chgpasswd', 'chmem',
  'choom', 'chpasswd', 'chrt', 'chsh', 'clear', 'cmp', 'col', 'colcrt', 'colrm', 'column', 'ctrlaltdel', 'dash',
  'debconf', 'deb-systemd-helper', 'delgroup', 'deluser', 'diff', 'diff3', 'dmesg', 'dnsdomainname', 'domainname',
  'dpkg', 'dpkg-deb', 'dpkg-divert', 'dpkg-query', 'dpkg-split', 'dpkg-statoverride', 'dpkg-trigger', 'egrep',
  'expiry', 'faillog', 'fgrep', 'find', 'findfs', 'findmnt', 'flock', 'fsck', 'fstrim', 'getconf', 'getent', 'getopt',
  'gpasswd', 'gpgv', 'grep', 'groupadd', 'groupdel', 'groupmod', 'gunzip', 'gzexe', 'gzip', 'hardlink', 'hexdump',
  'hostname', 'iconv', 'infocmp', 'invoke-rc.d', 'ionice', 'ipcmk', 'ipcrm', 'ipcs', 'ischroot', 'last', 'lastb',
  'lastlog', 'ldconfig', 'ldd', 'locale', 'localedef', 'logger', 'login', 'look', 'losetup', 'lsblk', 'lscpu',
  'lsipc', 'lslocks', 'lslogins', 'lsmem', 'lsns', 'mawk', 'mcookie', 'mesg', 'mkfs', 'mkswap', 'more', 'mount',
  'mountpoint', 'namei', 'newgrp', 'newusers', 'nisdomainname', 'nologin', 'nsenter', 'pam_getenv', 'partx',
  'passwd', 'perl', 'pidof', 'pivot_root', 'prlimit', 'pwck', 'rbash', 'readprofile', 'renice', 'rev', 'rgrep',
  'run-parts', 'runuser', 'savelog', 'script', 'scriptreplay', 'sdiff', 'sed', 'service', 'setarch', 'setpriv',
  'setsid', 'setterm', 'sg', 'sh', 'start-stop-daemon', 'su', 'sulogin', 'swapoff', 'swapon', 'switch_root',
  'tabs', 'tar', 'taskset', 'tempfile', 'tic', 'toe', 'tput', 'tset', 'tzselect', 'ul', 'umount', 'uncompress',
  'unshare', 'update-alternatives', 'update-rc.d', 'useradd', 'userdel', 'usermod', 'utmpdump', 'vigr', 'vipw',
  'wall', 'wdctl', 'whereis', 'which', 'wipefs', 'ypdomainname', 'zcat', 'zcmp', 'zdiff', 'zdump', 'zegrep', 'zfgrep',
  'zforce', 'zgrep', 'zic', 'zless', 'zmore', 'znew',
];

// prettier-ignore
/** oraclelinux:9-slim, the base of the mysql images: bash, coreutils-single, microdnf, no apt. */
export const ORACLE_SLIM_COMMANDS: readonly string[] = [
  ...COREUTILS,
  'awk', 'bash', 'find', 'gawk', 'getent', 'grep', 'gzip', 'ldd', 'microdnf', 'rpm', 'sed', 'sh', 'tar', 'xargs',
];

/** Ubuntu's minimized docker image: the Debian set plus `unminimize`. */
export const UBUNTU_BASE_COMMANDS: readonly string[] = [...DEBIAN_BASE_COMMANDS, 'unminimize'];

/** What the generic simulated image answers `kubectl exec` with: a busybox-like shell and tools. */
export const SIMULATED_COMMANDS: readonly string[] = BUSYBOX_APPLETS;

/** The busybox release whose applets and wording the simulated image has. */
export const SIMULATED_USERLAND: Userland = { kind: 'busybox', version: '1.36.1' };

/** Concatenates command lists, dropping duplicates, keeping the first order. */
export function mergeCommands(...lists: readonly (readonly string[])[]): string[] {
  return [...new Set(lists.flat())];
}
