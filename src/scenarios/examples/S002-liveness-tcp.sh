# S002-liveness-tcp: a tcpSocket liveness probe on port 8080 passes while the server listens
# zh: 对 8080 端口的 tcpSocket 存活探针在服务监听期间一直成功
cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: goproxy
  labels:
    app: goproxy
spec:
  containers:
  - name: goproxy
    image: quay.io/junkai/training:goproxy-liveness
    ports:
    - containerPort: 8080
    livenessProbe:
      tcpSocket:
        port: 8080
      initialDelaySeconds: 15
      periodSeconds: 20
EOF
sleep 60
kubectl get pod goproxy
kubectl describe pod goproxy
