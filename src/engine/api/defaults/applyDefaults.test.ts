import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../types';
import { parseManifests } from '../../manifest';
import { applyDefaults } from './applyDefaults';

// Seed 003 (S003-pod): the fully annotated nginx Pod, verbatim (note the tab before the comment on `annotations:`).
const SEED_003_POD = `apiVersion: v1 # 必选，API的版本号
kind: Pod       # 必选，类型Pod
metadata:       # 必选，元数据
  name: nginx   # 必选，符合RFC 1035规范的Pod名称
#    namespace: default # 可选，Pod所在的命名空间，不指定默认为default，可以使用-n 指定namespace 
  labels:       # 可选，标签选择器，一般用于过滤和区分Pod
    app: nginx
    role: frontend # 可以写多个
  annotations:  \t# 可选，注释列表，可以写多个
    app: nginx
spec:   # 必选，用于定义容器的详细信息
#  initContainers: # 初始化容器，在容器启动之前执行的一些初始化操作
#  - command:
#    - sh
#    - -c
#    - echo "I am InitContainer for init some configuration"
#    image: busybox
#    imagePullPolicy: IfNotPresent
#    name: init-container
  containers:   # 必选，容器列表
  - name: nginx # 必选，符合RFC 1035规范的容器名称
    image: nginx:1.15.2    # 必选，容器所用的镜像的地址
    imagePullPolicy: IfNotPresent     # 可选，镜像拉取策略, IfNotPresent: 如果宿主机有这个镜像，那就不需要拉取了. Always: 总是拉取, Never: 不管是否存储都不拉去
    command: # 可选，容器启动执行的命令 ENTRYPOINT, arg --> cmd
    - nginx 
    - -g
    - "daemon off;"
    workingDir: /usr/share/nginx/html       # 可选，容器的工作目录
#    volumeMounts:   # 可选，存储卷配置，可以配置多个
#    - name: webroot # 存储卷名称
#      mountPath: /usr/share/nginx/html # 挂载目录
#      readOnly: true        # 只读
    ports:  # 可选，容器需要暴露的端口号列表
    - name: http    # 端口名称
      containerPort: 80     # 端口号
      protocol: TCP # 端口协议，默认TCP
    env:    # 可选，环境变量配置列表
    - name: TZ      # 变量名
      value: Asia/Shanghai # 变量的值
    - name: LANG
      value: en_US.utf8
#    resources:      # 可选，资源限制和资源请求限制
#      limits:       # 最大限制设置
#        cpu: 1000m
#        memory: 1024Mi
#      requests:     # 启动所需最小资源设置
#        cpu: 100m
#        memory: 512Mi
#    startupProbe: # 可选，检测容器内进程是否完成启动。注意三种检查方式同时只能使用一种。
#      httpGet:      # httpGet检测方式，生产环境建议使用httpGet实现接口级健康检查，健康检查由应用程序提供。
#            path: /index.html # 检查路径
#            port: 80
#    readinessProbe: # 可选，健康检查。注意三种检查方式同时只能使用一种。
#      httpGet:      # httpGet检测方式，生产环境建议使用httpGet实现接口级健康检查，健康检查由应用程序提供。
#            path: / # 检查路径
#            port: 80        # 监控端口
#    livenessProbe:  # 可选，健康检查
      #exec:        # 执行容器命令检测方式
            #command: 
            #- cat
            #- /health
    #httpGet:       # httpGet检测方式
    #   path: /_health # 检查路径
    #   port: 8080
    #   httpHeaders: # 检查的请求头
    #   - name: end-user
    #     value: Jason 
#      tcpSocket:    # 端口检测方式
#            port: 80
#      initialDelaySeconds: 60       # 初始化时间
#      timeoutSeconds: 2     # 超时时间
#      periodSeconds: 5      # 检测间隔
#      successThreshold: 1 # 检查成功为2次表示就绪
#      failureThreshold: 2 # 检测失败1次表示未就绪
#    lifecycle:
#      postStart: # 容器创建完成后执行的指令, 可以是exec httpGet TCPSocket
#        exec:
#          command:
#          - sh
#          - -c
#          - 'mkdir /data/ '
#      preStop:
#        httpGet:      
#              path: /
#              port: 80
      #  exec:
      #    command:
      #    - sh
      #    - -c
      #    - sleep 9
  terminationGracePeriodSeconds: 40 #如果您的Pod通常需要超过30秒（默认时间）才能关闭，请确保增加优雅终止宽限期
  restartPolicy: Always   # 可选，默认为Always，容器故障或者没有启动成功，那就自动该容器，Onfailure: 容器以不为0的状态终止，自动重启该容器, Never:无论何种状态，都不会重启
  #nodeSelector: # 可选，指定Node节点
  #      region: subnet7
#  imagePullSecrets:     # 可选，拉取镜像使用的secret，可以配置多个
#  - name: default-dockercfg-86258
#  hostNetwork: false    # 可选，是否为主机模式，如是，会占用主机端口
#  volumes:      # 共享存储卷列表
#  - name: webroot # 名称，与上述对应
#    emptyDir: {}    # 挂载目录
#        hostPath:              # 挂载本机目录
#          path: /etc/hosts
`;

const NOT_READY = {
  effect: 'NoExecute',
  key: 'node.kubernetes.io/not-ready',
  operator: 'Exists',
  tolerationSeconds: 300,
};
const UNREACHABLE = {
  effect: 'NoExecute',
  key: 'node.kubernetes.io/unreachable',
  operator: 'Exists',
  tolerationSeconds: 300,
};

function defaulted(object: Record<string, unknown>): Record<string, any> {
  return applyDefaults(object as KubeObject) as Record<string, any>;
}

function container(image: string): Record<string, unknown> {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image }] } };
}

describe('applyDefaults', () => {
  it('fills the seed 003 nginx Pod as `kubectl get pod -o yaml` shows its spec', () => {
    const [document] = parseManifests(SEED_003_POD).documents;
    const pod = defaulted(document!.object as Record<string, unknown>);
    expect(pod.spec).toEqual({
      containers: [
        {
          command: ['nginx', '-g', 'daemon off;'],
          env: [
            { name: 'TZ', value: 'Asia/Shanghai' },
            { name: 'LANG', value: 'en_US.utf8' },
          ],
          image: 'nginx:1.15.2',
          imagePullPolicy: 'IfNotPresent',
          name: 'nginx',
          ports: [{ containerPort: 80, name: 'http', protocol: 'TCP' }],
          resources: {},
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          workingDir: '/usr/share/nginx/html',
        },
      ],
      dnsPolicy: 'ClusterFirst',
      enableServiceLinks: true,
      preemptionPolicy: 'PreemptLowerPriority',
      priority: 0,
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      serviceAccount: 'default',
      serviceAccountName: 'default',
      terminationGracePeriodSeconds: 40,
      tolerations: [NOT_READY, UNREACHABLE],
    });
    expect(Object.keys(pod.spec)).toEqual([
      'containers',
      'dnsPolicy',
      'enableServiceLinks',
      'preemptionPolicy',
      'priority',
      'restartPolicy',
      'schedulerName',
      'securityContext',
      'serviceAccount',
      'serviceAccountName',
      'terminationGracePeriodSeconds',
      'tolerations',
    ]);
  });

  it('does not change its input', () => {
    const input = container('nginx');
    applyDefaults(input as KubeObject);
    expect(input).toEqual(container('nginx'));
  });

  it('pulls Always for :latest or no tag, IfNotPresent otherwise', () => {
    const policy = (image: string): unknown => defaulted(container(image)).spec.containers[0].imagePullPolicy;
    expect(policy('nginx')).toBe('Always');
    expect(policy('nginx:latest')).toBe('Always');
    expect(policy('localhost:5000/nginx')).toBe('Always');
    expect(policy('nginx:1.15.2')).toBe('IfNotPresent');
    expect(policy('nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef')).toBe(
      'IfNotPresent',
    );
  });

  it('defaults probes, volumes, requests from limits and keeps existing tolerations', () => {
    const pod = defaulted({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: {
        containers: [
          {
            name: 'c',
            image: 'busybox:1.36',
            livenessProbe: { httpGet: { port: 8080 } },
            resources: { limits: { cpu: '500m' } },
          },
        ],
        tolerations: [{ operator: 'Exists' }],
        volumes: [
          { name: 'scratch' },
          { name: 'cfg', configMap: { name: 'app' } },
          { name: 'host', hostPath: { path: '/var/log' } },
        ],
      },
    });
    const [c] = pod.spec.containers;
    expect(c.livenessProbe).toEqual({
      failureThreshold: 3,
      httpGet: { path: '/', port: 8080, scheme: 'HTTP' },
      periodSeconds: 10,
      successThreshold: 1,
      timeoutSeconds: 1,
    });
    expect(c.resources).toEqual({ limits: { cpu: '500m' }, requests: { cpu: '500m' } });
    expect(pod.spec.volumes).toEqual([
      { emptyDir: {}, name: 'scratch' },
      { configMap: { defaultMode: 420, name: 'app' }, name: 'cfg' },
      { hostPath: { path: '/var/log', type: '' }, name: 'host' },
    ]);
    expect(pod.spec.tolerations).toEqual([{ operator: 'Exists' }]);
  });

  it('keeps the service account of a stored Pod and gives templates no Pod-only fields', () => {
    const stored = defaulted({ ...container('nginx:1.27'), metadata: { name: 'p', uid: 'u', resourceVersion: '7' } });
    expect(stored.spec.serviceAccountName).toBeUndefined();
    const deployment = defaulted({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: {
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] },
        },
      },
    });
    expect(deployment.spec).toEqual({
      progressDeadlineSeconds: 600,
      replicas: 1,
      revisionHistoryLimit: 10,
      selector: { matchLabels: { app: 'web' } },
      strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' }, type: 'RollingUpdate' },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          containers: [
            {
              image: 'nginx:1.27',
              imagePullPolicy: 'IfNotPresent',
              name: 'web',
              resources: {},
              terminationMessagePath: '/dev/termination-log',
              terminationMessagePolicy: 'File',
            },
          ],
          dnsPolicy: 'ClusterFirst',
          restartPolicy: 'Always',
          schedulerName: 'default-scheduler',
          securityContext: {},
          terminationGracePeriodSeconds: 30,
        },
      },
    });
  });

  it('defaults StatefulSets, DaemonSets and CronJobs', () => {
    const template = { metadata: { labels: { app: 'a' } }, spec: { containers: [{ name: 'a', image: 'a:1' }] } };
    const sts = defaulted({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 's' }, spec: { template } });
    expect([
      sts.spec.podManagementPolicy,
      sts.spec.updateStrategy,
      sts.spec.persistentVolumeClaimRetentionPolicy,
      sts.spec.replicas,
    ]).toEqual([
      'OrderedReady',
      { rollingUpdate: { partition: 0 }, type: 'RollingUpdate' },
      { whenDeleted: 'Retain', whenScaled: 'Retain' },
      1,
    ]);
    const ds = defaulted({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'd' }, spec: { template } });
    expect(ds.spec.updateStrategy).toEqual({
      rollingUpdate: { maxSurge: 0, maxUnavailable: 1 },
      type: 'RollingUpdate',
    });
    const cron = defaulted({
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'c' },
      spec: { schedule: '* * * * *', jobTemplate: { spec: { template } } },
    });
    expect([
      cron.spec.concurrencyPolicy,
      cron.spec.suspend,
      cron.spec.successfulJobsHistoryLimit,
      cron.spec.failedJobsHistoryLimit,
    ]).toEqual(['Allow', false, 3, 1]);
  });

  it('generates the Job selector and labels once the Job has a uid', () => {
    const job = defaulted({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'pi', uid: 'abc' },
      spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl' }] } } },
    });
    const labels = {
      'batch.kubernetes.io/controller-uid': 'abc',
      'batch.kubernetes.io/job-name': 'pi',
      'controller-uid': 'abc',
      'job-name': 'pi',
    };
    expect(job.metadata.labels).toEqual(labels);
    expect(job.spec.template.metadata.labels).toEqual(labels);
    expect(job.spec.selector).toEqual({ matchLabels: { 'batch.kubernetes.io/controller-uid': 'abc' } });
    expect([
      job.spec.completions,
      job.spec.parallelism,
      job.spec.backoffLimit,
      job.spec.completionMode,
      job.spec.suspend,
      job.spec.podReplacementPolicy,
    ]).toEqual([1, 1, 6, 'NonIndexed', false, 'TerminatingOrFailed']);
  });

  it('defaults Services, Namespaces, Secrets and claims', () => {
    const service = defaulted({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web' },
      spec: { selector: { app: 'web' }, ports: [{ port: 80 }] },
    });
    expect(service.spec).toEqual({
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
      selector: { app: 'web' },
      sessionAffinity: 'None',
      type: 'ClusterIP',
    });
    const namespace = defaulted({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' } });
    expect(namespace).toEqual({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { labels: { 'kubernetes.io/metadata.name': 'dev' }, name: 'dev' },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });
    const secret = defaulted({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's' },
      stringData: { user: 'admin' },
    });
    expect(secret).toEqual({
      apiVersion: 'v1',
      data: { user: 'YWRtaW4=' },
      kind: 'Secret',
      metadata: { name: 's' },
      type: 'Opaque',
    });
    const claim = defaulted({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'c' },
      spec: { accessModes: ['ReadWriteOnce'] },
    });
    expect([claim.spec.volumeMode, claim.status.phase]).toEqual(['Filesystem', 'Pending']);
  });
});
