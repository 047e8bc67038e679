# S002-liveness-exec: an exec liveness probe passes for 30 seconds, fails three times, and the container is restarted
# zh: exec 存活探针前 30 秒成功，之后连续失败 3 次，容器被重启
cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  labels:
    test: liveness
  name: liveness-exec
spec:
  containers:
  - name: liveness
    image: busybox:1.28
    args:
    - /bin/sh
    - -c
    - touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600
    livenessProbe:
      exec:
        command:
        - cat
        - /tmp/healthy
      initialDelaySeconds: 5
      periodSeconds: 5
EOF
kubectl get pods
# Within the first 30 seconds: no probe failure yet.
sleep 20
kubectl describe pod liveness-exec
sleep 35
kubectl describe pod liveness-exec
sleep 45
kubectl get pods
sleep 110
kubectl describe pod liveness-exec
