# S001-pod-ns: a Pod's containers share the network and UTS namespaces (one IP, one hostname, localhost), not the PID namespace
# zh: Pod 内的容器共享网络与 UTS 命名空间（同一 IP、同一主机名、localhost 互通），默认不共享 PID 命名空间
cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: two-containers
spec:
  containers:
  - name: nginx
    image: nginx:1.25
  - name: shell
    image: busybox:1.36
    command: ["sh", "-c", "sleep 86400"]
EOF
sleep 10
kubectl get pod two-containers -o wide
kubectl exec two-containers -c nginx -- hostname
kubectl exec two-containers -c shell -- hostname
kubectl exec two-containers -c nginx -- cat /etc/hosts
kubectl exec two-containers -c shell -- hostname -i
kubectl exec two-containers -c shell -- wget -qO- http://localhost:80
kubectl exec two-containers -c shell -- ps
