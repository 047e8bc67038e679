# S001-ds-taint: a DaemonSet tolerating node.kubernetes.io/network-unavailable runs on a node that ordinary pods avoid
# zh: 容忍 node.kubernetes.io/network-unavailable 的 DaemonSet 运行在普通 Pod 避开的节点上
# The seed describes this in prose. A network plugin reports a node without pod networking through the node's
# NetworkUnavailable condition; kube-controller-manager then taints the node. Here the condition is set by hand.
kubectl patch node worker3 --subresource=status -p '{"status":{"conditions":[{"type":"NetworkUnavailable","status":"True","reason":"NoRouteCreated","message":"Node created without a route"}]}}'
sleep 2
kubectl describe node worker3
cat > web.yaml <<EOF
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 4
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
        image: nginx:1.7.9
EOF
kubectl apply -f web.yaml
# The toleration from the seed's course; the agent itself is a stand-in that just stays up.
cat > network-plugin-agent.yaml <<EOF
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: network-plugin-agent
spec:
  selector:
    matchLabels:
      name: network-plugin-agent
  template:
    metadata:
      labels:
        name: network-plugin-agent
    spec:
      tolerations:
      - key: node.kubernetes.io/network-unavailable
        operator: Exists
        effect: NoSchedule
      containers:
      - name: agent
        image: busybox:1.28
        command: ["sleep", "3600"]
EOF
kubectl apply -f network-plugin-agent.yaml
sleep 20
kubectl get pods -l app=web -o wide
kubectl get pods -l name=network-plugin-agent -o wide
kubectl get ds network-plugin-agent
