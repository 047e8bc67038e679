# S001-qos: requests and limits give each Pod a QoS class; when worker1 runs short of memory the kubelet evicts the BestEffort pod first
# zh: requests 与 limits 决定 Pod 的 QoS 类别；worker1 内存紧张时 kubelet 先驱逐 BestEffort 的 Pod
cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: guaranteed
spec:
  nodeName: worker1
  containers:
  - name: app
    image: polinux/stress
    command: ["stress"]
    args: ["--vm", "1", "--vm-bytes", "150M", "--vm-hang", "1"]
    resources:
      requests:
        cpu: 500m
        memory: 200Mi
      limits:
        cpu: 500m
        memory: 200Mi
---
apiVersion: v1
kind: Pod
metadata:
  name: burstable
spec:
  nodeName: worker1
  containers:
  - name: app
    image: polinux/stress
    command: ["stress"]
    args: ["--vm", "1", "--vm-bytes", "150M", "--vm-hang", "1"]
    resources:
      requests:
        memory: 100Mi
      limits:
        memory: 500Mi
---
apiVersion: v1
kind: Pod
metadata:
  name: besteffort
spec:
  nodeName: worker1
  containers:
  - name: app
    image: polinux/stress
    command: ["stress"]
    args: ["--vm", "1", "--vm-bytes", "200M", "--vm-hang", "1"]
EOF
sleep 20
kubectl get pods -o custom-columns=NAME:.metadata.name,QOS:.status.qosClass,STATUS:.status.phase
# CPU is compressible: over its limit a container is throttled, not killed
cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: cpu-hog
spec:
  nodeName: worker2
  containers:
  - name: app
    image: vish/stress
    args: ["-cpus", "2"]
    resources:
      limits:
        cpu: 500m
EOF
# memory is not: over its limit the kernel kills it
cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: memory-hog
spec:
  nodeName: worker2
  containers:
  - name: app
    image: polinux/stress
    command: ["stress"]
    args: ["--vm", "1", "--vm-bytes", "250M", "--vm-hang", "1"]
    resources:
      limits:
        memory: 100Mi
EOF
sleep 60
kubectl top pods
kubectl get pod cpu-hog memory-hog
kubectl get pod memory-hog -o jsonpath='{.status.containerStatuses[0].lastState.terminated}{"\n"}'
# something outside the pods takes 7500Mi of worker1's 8Gi: the kubelet reclaims memory, one pod per pass
kubeplay node pressure worker1 7500Mi
sleep 30
kubectl describe node worker1 | grep -E "MemoryPressure|Taints"
kubectl get pods -o wide
kubectl get events --field-selector reason=Evicted
kubectl describe pod besteffort | grep -E "^(Status|Reason|Message):"
