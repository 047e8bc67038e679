# S002-share-pid: with shareProcessNamespace the busybox shell sees /pause and nginx; HUP makes nginx replace its workers
# zh: 开启 shareProcessNamespace 后，busybox 容器能看到 /pause 和 nginx 进程；向 nginx 主进程发送 HUP 会重建 worker 进程
kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: nginx
spec:
  shareProcessNamespace: true     # 需要添加这一行
  containers:
  - name: nginx
    image: nginx
  - name: shell
    image: busybox:1.28
    securityContext:
      capabilities:
        add:
        - SYS_PTRACE
    stdin: true
    tty: true
EOF
sleep 20
kubectl describe pod nginx
# The nginx image (Debian) has no ps.
kubectl exec nginx -c nginx -- sh -c ps
kubectl exec nginx -c shell -- ps -ef
kubectl exec nginx -c shell -- kill -HUP 7
sleep 1
kubectl exec nginx -c shell -- ps -ef
