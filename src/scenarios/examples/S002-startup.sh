# S002-startup: while the startup probe has not succeeded the liveness probe never runs; the startup probe gives up after 30 failures
# zh: 启动探针成功之前存活探针不会执行；启动探针连续失败 30 次后容器才被重启
cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  labels:
    test: liveness
  name: startup-http
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
    startupProbe:
      httpGet:
        path: /healthz
        port: 8080
      initialDelaySeconds: 10
      failureThreshold: 30
      periodSeconds: 10
EOF
sleep 60
kubectl get pod startup-http
kubectl describe pod startup-http
sleep 300
kubectl get pod startup-http
kubectl describe pod startup-http
