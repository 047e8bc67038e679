/**
 * The preset dictionary of version 1 share links: text that scenarios are made of (the file's own fields, common
 * manifests, kubectl commands), so even a link's first manifest compresses as if seen before. Deflate reaches back
 * at most 32 KiB and codes near matches more cheaply, so the commonest text comes last.
 *
 * Frozen: links made with it must open forever. A better dictionary is a new link version beside this one.
 */
export const LINK_DICTIONARY_V1 = `kind: Service
apiVersion: v1
metadata:
  name: nginx
  labels:
    app: nginx
spec:
  clusterIP: None
  type: NodePort
  ports:
  - port: 80
    targetPort: 8080
    protocol: TCP
  selector:
    app: nginx
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  podManagementPolicy: Parallel
  updateStrategy:
    type: RollingUpdate
    rollingUpdate:
      partition: 2
  volumeClaimTemplates:
  - metadata:
      name: www
    spec:
      accessModes: [ "ReadWriteOnce" ]
      resources:
        requests:
          storage: 1Gi
---
apiVersion: apps/v1
kind: DaemonSet
metadata:
  namespace: kube-system
spec:
  template:
    spec:
      tolerations:
      - key: node-role.kubernetes.io/control-plane
        operator: Exists
        effect: NoSchedule
      nodeSelector:
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: hello
spec:
  schedule: "*/1 * * * *"
  jobTemplate:
    spec:
      backoffLimit: 4
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: hello
            image: busybox:1.28
            command:
            - /bin/sh
            - -c
            - date; echo Hello from the Kubernetes cluster
---
apiVersion: v1
kind: Pod
metadata:
  name: liveness-exec
  labels:
    test: liveness
spec:
  containers:
  - name: liveness
    image: busybox
    args:
    - /bin/sh
    - -c
    - touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600
    livenessProbe:
      exec:
        command:
        - cat
        - /tmp/healthy
      initialDelaySeconds: 5
      periodSeconds: 5
    readinessProbe:
      httpGet:
        path: /healthz
        port: 8080
      failureThreshold: 3
    startupProbe:
      tcpSocket:
        port: 8080
    resources:
      requests:
        cpu: 100m
        memory: 128Mi
      limits:
        cpu: 500m
        memory: 256Mi
    volumeMounts:
    - name: data
      mountPath: /usr/share/nginx/html
  volumes:
  - name: data
    emptyDir: {}
kubectl get pods -o wide
kubectl get deploy,rs,pods
kubectl describe pod
kubectl delete pod
kubectl rollout status deployment/web
kubectl rollout undo deployment/web
kubectl rollout history deployment/web
kubectl set image deployment/web nginx=nginx:1.28
kubectl scale deployment web --replicas=5
kubectl logs
kubectl exec -- 
kubeplay probe fail  liveness
kubeplay pod kill 
kubeplay node fail worker1
kubectl apply -f - <<EOF
apiVersion: kubeplay/v1
kind: Scenario
title: 
seed: 
cluster:
  workers: 
clock: 
view:
  selected: Pod/default/
  playing: true
editor: |
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
    labels:
      app: web
  spec:
    replicas: 3
    selector:
      matchLabels:
        app: web
    strategy:
      type: RollingUpdate
      rollingUpdate:
        maxSurge: 1
        maxUnavailable: 0
    template:
      metadata:
        labels:
          app: web
      spec:
        containers:
        - name: nginx
          image: nginx:1.27
          ports:
          - containerPort: 80
steps:
- at: 0
  run: |-
    kubectl apply -f - <<EOF
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
    spec:
      replicas: 3
      selector:
        matchLabels:
          app: web
      template:
        metadata:
          labels:
            app: web
        spec:
          containers:
          - name: nginx
            image: nginx:1.27
            ports:
            - containerPort: 80
    EOF
- at: 1
  run: kubectl get pods
- at: 2
  run: kubectl 
`;
