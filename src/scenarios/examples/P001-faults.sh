# P001-faults: a container's process killed, then its readiness and liveness probes made to fail and healed
# zh: 杀死容器进程，再让就绪探针和存活探针失败，然后恢复
cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  containers:
  - name: nginx
    image: nginx:1.25
    ports:
    - containerPort: 80
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
EOF
kubectl expose pod web --port=80
sleep 10
kubectl get pods
# The main process dies by SIGKILL (exit 137): the kubelet sees it at its next relist and starts the container again.
kubeplay pod kill web
sleep 5
kubectl get pods
kubectl get pod web -o jsonpath='{.status.containerStatuses[0].lastState.terminated.exitCode}{"\n"}'
# A failing readiness probe: the pod stays Running but not ready, and leaves the Service's endpoints.
kubeplay probe fail web readiness
sleep 20
kubectl get pods
kubectl get endpoints web
kubeplay probe heal web readiness
sleep 10
kubectl get endpoints web
# A failing liveness probe: three failures kill the container, each restart waits out a longer back-off.
kubeplay probe fail web liveness
sleep 90
kubectl get pods
kubectl events --for pod/web
kubeplay probe heal web liveness
sleep 120
kubectl get pods
