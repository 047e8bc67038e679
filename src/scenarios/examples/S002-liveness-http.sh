# S002-liveness-http: /healthz answers 200 for 10 seconds, then 500; the kubelet restarts the container
# zh: /healthz 前 10 秒返回 200，之后返回 500；kubelet 重启容器
cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  labels:
    test: liveness
  name: liveness-http
spec:
  containers:
  - name: liveness
    image: quay.io/junkai/training:liveness
    args:
    - /server
    livenessProbe:
      httpGet:
        path: /healthz
        port: 8080
        httpHeaders:
        - name: Custom-Header
          value: Awesome
      initialDelaySeconds: 3
      periodSeconds: 3
EOF
sleep 10
kubectl describe pod liveness-http
sleep 30
kubectl describe pod liveness-http
sleep 60
kubectl get pod liveness-http
