# S002-two-containers: debian writes index.html into a shared emptyDir, nginx serves it; the pod shows 1/2 NotReady
# zh: debian 容器向共享的 emptyDir 写入 index.html，nginx 提供该页面；Pod 显示 1/2 NotReady
kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: two-containers
spec:
  restartPolicy: Never
  volumes:
  - name: shared-data
    emptyDir: {}

  containers:

  - name: nginx-container
    image: nginx
    volumeMounts:
    - name: shared-data
      mountPath: /usr/share/nginx/html

  - name: debian-container
    image: debian
    volumeMounts:
    - name: shared-data
      mountPath: /pod-data
    command: ["/bin/sh"]
    args: ["-c", "echo Hello from the debian container > /pod-data/index.html"]

EOF
sleep 30
kubectl get pod two-containers -o wide
kubectl describe pod two-containers
# The seed curls the pod IP from a node; from inside the pod, localhost is the same nginx.
kubectl exec two-containers -c nginx-container -- curl -s localhost
