# S002-init-prep: an init container downloads a page into an emptyDir before nginx starts and serves it
# zh: init 容器先用 wget 把网页下载到 emptyDir，随后启动的 nginx 提供该网页
kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: init-demo
spec:
  containers:
  - name: nginx
    image: nginx
    ports:
    - containerPort: 80
    volumeMounts:
    - name: workdir
      mountPath: /usr/share/nginx/html
  # These containers are run during pod initialization
  initContainers:
  - name: install
    image: busybox:1.28
    command:
    - wget
    - "-O"
    - "/work-dir/index.html"
    - http://info.cern.ch
    volumeMounts:
    - name: workdir
      mountPath: "/work-dir"
  dnsPolicy: Default
  volumes:
  - name: workdir
    emptyDir: {}
EOF
# Half a second in, the pod is scheduled and its one init container has not finished.
sleep 0.5
kubectl get pod init-demo
sleep 20
kubectl get pod init-demo -o wide
kubectl logs init-demo -c install
kubectl describe pod init-demo
# The seed curls the pod IP; from inside the pod, localhost is the same nginx.
kubectl exec init-demo -c nginx -- curl -s localhost
