# S001-probes: three Pods with the same three probes; failing readiness drops one from the Service, failing liveness restarts another, a failing startup probe holds liveness and readiness off
# zh: 三个 Pod 配置相同的三种探针；就绪探针失败使其一被移出 Service，存活探针失败使另一个被重启，启动探针未成功时存活与就绪探针都不执行
# The seed explains the three probes and restartPolicy in prose. Three identical nginx Pods carry all three probes
# (no restartPolicy: it defaults to Always) behind one Service; each Pod is then given a different failing probe.
cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: web-1
  labels:
    app: web
spec:
  containers:
  - name: nginx
    image: nginx:1.25
    ports:
    - containerPort: 80
    startupProbe:
      httpGet:
        path: /
        port: 80
      periodSeconds: 5
      failureThreshold: 30
    livenessProbe:
      httpGet:
        path: /
        port: 80
      periodSeconds: 5
    readinessProbe:
      httpGet:
        path: /
        port: 80
      periodSeconds: 5
---
apiVersion: v1
kind: Pod
metadata:
  name: web-2
  labels:
    app: web
spec:
  containers:
  - name: nginx
    image: nginx:1.25
    ports:
    - containerPort: 80
    startupProbe:
      httpGet:
        path: /
        port: 80
      periodSeconds: 5
      failureThreshold: 30
    livenessProbe:
      httpGet:
        path: /
        port: 80
      periodSeconds: 5
    readinessProbe:
      httpGet:
        path: /
        port: 80
      periodSeconds: 5
---
apiVersion: v1
kind: Pod
metadata:
  name: web-3
  labels:
    app: web
spec:
  containers:
  - name: nginx
    image: nginx:1.25
    ports:
    - containerPort: 80
    startupProbe:
      httpGet:
        path: /
        port: 80
      periodSeconds: 5
      failureThreshold: 30
    livenessProbe:
      httpGet:
        path: /
        port: 80
      periodSeconds: 5
    readinessProbe:
      httpGet:
        path: /
        port: 80
      periodSeconds: 5
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
EOF
sleep 20
kubectl get pods -o wide
kubectl get endpoints web
# Readiness: web-1 keeps running and is never restarted, but READY drops to 0/1 and it leaves the endpoints.
kubeplay probe fail web-1 readiness
# Liveness: after three failures 5 s apart the kubelet kills web-2's container and, restartPolicy being Always,
# starts it again; the new container passes its probes and is back in the endpoints.
kubeplay probe fail web-2 liveness
sleep 20
kubectl get pods
kubectl get endpoints web
kubectl get pod web-2 -o jsonpath='{.spec.restartPolicy}{"\n"}'
kubectl describe pod web-1
kubectl describe pod web-2
kubeplay probe heal web-1 readiness
kubeplay probe heal web-2 liveness
# Startup: web-3's startup probe succeeded long ago and only runs again in a new container, so kill the container
# while the startup probe is made to fail. Its liveness probe fails too, yet is not run, and neither is readiness:
# the restarted container is not started and not ready, so it is out of the endpoints, and it is not killed again.
kubeplay probe fail web-3 startup
kubeplay pod kill web-3
kubeplay probe fail web-3 liveness
sleep 30
kubectl get pods
kubectl get endpoints web
kubectl get pod web-3 -o jsonpath='{.status.containerStatuses[0].started}{"\n"}'
kubectl describe pod web-3
# Once the startup probe succeeds, the liveness probe runs at last: three failures, and the container is restarted.
kubeplay probe heal web-3 startup
sleep 20
kubectl get pods
kubectl events --for pod/web-3
kubeplay probe heal web-3 liveness
sleep 30
kubectl get pods
kubectl get endpoints web
