# S002-join: add a worker node with kubeadm token create and kubeadm join; pending pods and DaemonSets use it
# zh: 用 kubeadm token create 与 kubeadm join 添加工作节点；待调度的 Pod 与 DaemonSet 用上新节点
cat <<EOF | kubectl apply -f -
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: node-agent
spec:
  selector:
    matchLabels:
      app: node-agent
  template:
    metadata:
      labels:
        app: node-agent
    spec:
      containers:
      - name: agent
        image: busybox:1.36
        command: ['sh', '-c', 'echo watching $(hostname); sleep 86400']
EOF
kubectl create deployment big --image=nginx --replicas=4
kubectl set resources deployment big --requests=cpu=3
sleep 10
kubectl get pods -o wide
kubeadm token create
kubeadm token list
kubeplay machine add worker4
ssh worker4 $(kubeadm token create --print-join-command)
sleep 15
kubectl get nodes
kubectl get pods -o wide
kubectl get daemonset node-agent
