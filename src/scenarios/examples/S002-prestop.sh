# S002-prestop: postStart writes a file; preStop `sleep 20` keeps a deleted pod Terminating for about 20 seconds (the pod part)
# zh: postStart 写入文件；preStop 执行 `sleep 20`，被删除的 Pod 会保持 Terminating 约 20 秒
# The seed wraps this pod template in a Deployment; here it runs as a bare Pod.
cat > prestop.yaml <<EOF
apiVersion: v1
kind: Pod
metadata:
  labels:
    app: prestop
  name: prestop
spec:
  containers:
  - image: quay.io/junkai/demo:1.0
    name: demo
    resources: {}
    lifecycle:
      postStart:
        exec:
          command: ["/bin/sh", "-c", "echo Hello from the postStart handler > /usr/share/message"]
      preStop:
        exec:
          command: ["sleep", "20"]
EOF
kubectl apply -f prestop.yaml
sleep 15
kubectl get pods -l app=prestop
kubectl exec prestop -- cat /usr/share/message
# Delete the pod without waiting, then watch it: preStop runs first, SIGTERM comes after it.
kubectl delete pod -l app=prestop --wait=false
kubectl get pods -l app=prestop
sleep 10
kubectl get pods -l app=prestop
sleep 8
kubectl get pods -l app=prestop
sleep 7
kubectl get pods -l app=prestop
